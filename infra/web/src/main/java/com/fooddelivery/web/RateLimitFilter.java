package com.fooddelivery.web;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests of each client ({@link RateLimitProperties}): over the limit, {@code 429 too-many-requests} with
 * {@code Retry-After} in seconds, and nothing else runs. {@code /actuator/**} is never limited, so health checks and
 * metrics keep answering a busy service.
 *
 * <p>The client is the authenticated user (the token's subject), else the remote address: sign-in and the public
 * reads are limited per address. Behind a proxy the remote address is the proxy's unless
 * {@code server.forward-headers-strategy} is set.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /**
     * After Spring Security's filter chain ({@code -100}), which names the user, and before the idempotency filter
     * ({@code -90}): a rejected request costs no database round trip.
     */
    public static final int ORDER = -95;

    static final String ACTUATOR = "/actuator";

    private final RateLimiterRegistry registry;
    private final Map<String, RateLimiter> limiters;
    private final long retryAfterSeconds;
    private final FilterProblems problems;

    public RateLimitFilter(RateLimitProperties properties, FilterProblems problems) {
        Duration period = properties.refreshPeriod();
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.burst())
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
        this.limiters = new ClientLimiters(registry, properties.maxClients());
        // Whole seconds, rounded up: a client that waits that long finds a fresh window.
        this.retryAfterSeconds = Math.max(1, (period.toMillis() + 999) / 1000);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limiterOf(clientOf(request)).acquirePermission()) {
            chain.doFilter(request, response);
        } else {
            reject(request, response);
        }
    }

    /** How many clients have a limiter now (never more than {@code max-clients}). */
    int clients() {
        synchronized (limiters) {
            return limiters.size();
        }
    }

    static String clientOf(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        return user != null ? "user:" + user.getName() : "address:" + request.getRemoteAddr();
    }

    private RateLimiter limiterOf(String client) {
        synchronized (limiters) {
            return limiters.computeIfAbsent(client, registry::rateLimiter);
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.write(
                request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", Map.of(), retryAfterSeconds);
    }

    /**
     * The limiters of the clients seen most recently, at most {@code max}: the least recently seen one leaves the map
     * and the registry, so neither grows with every address or header value ever sent. Guarded by its own monitor.
     */
    private static final class ClientLimiters extends LinkedHashMap<String, RateLimiter> {

        private final transient RateLimiterRegistry registry;
        private final int max;

        ClientLimiters(RateLimiterRegistry registry, int max) {
            super(16, 0.75f, true);
            this.registry = registry;
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            if (size() > max) {
                registry.remove(eldest.getKey());
                return true;
            }
            return false;
        }
    }
}
