package com.fooddelivery.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client rate limiting of every request but {@code /actuator/**} ({@link RateLimitFilter}).
 *
 * <p>resilience4j's limiter is a fixed window: each client gets {@code burst} permits ({@code limitForPeriod}) per
 * refresh period ({@code limitRefreshPeriod}), and the window is {@code burst / requests-per-second} seconds long. So
 * the defaults, 20 and 20, allow 20 requests per second, all 20 at once if the client likes; {@code burst=40} with
 * {@code requests-per-second=20} allows 40 every 2 seconds. A rejected client is told to come back after the refresh
 * period, in whole seconds, at least 1.
 *
 * @param enabled {@code web.rate-limit.enabled}, default {@code true}
 * @param requestsPerSecond {@code web.rate-limit.requests-per-second}, the sustained rate per client, default 20
 * @param burst {@code web.rate-limit.burst}, the permits per window ({@code limitForPeriod}), default: equal to
 *     {@code requests-per-second} (a window of one second)
 * @param maxClients {@code web.rate-limit.max-clients}, how many clients' limiters are kept, least recently seen
 *     evicted first (an evicted client starts with a full window again), default 10 000
 */
@ConfigurationProperties("web.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer requestsPerSecond, Integer burst, Integer maxClients) {

    public static final int DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final int DEFAULT_MAX_CLIENTS = 10_000;

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        requestsPerSecond = requestsPerSecond == null ? DEFAULT_REQUESTS_PER_SECOND : requestsPerSecond;
        burst = burst == null ? requestsPerSecond : burst;
        maxClients = maxClients == null ? DEFAULT_MAX_CLIENTS : maxClients;
        if (requestsPerSecond < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException(
                    "web.rate-limit.requests-per-second, burst and max-clients must be at least 1");
        }
    }

    /** resilience4j's {@code limitRefreshPeriod}: {@code burst / requests-per-second} seconds. */
    public Duration refreshPeriod() {
        return Duration.ofNanos(Math.max(1, Math.round(burst * 1_000_000_000.0 / requestsPerSecond)));
    }
}
