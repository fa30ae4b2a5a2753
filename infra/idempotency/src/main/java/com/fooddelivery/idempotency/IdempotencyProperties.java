package com.fooddelivery.idempotency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code idempotency.*}.
 *
 * @param retention how long a key is kept after its last execution started; a client may retry for at least this long
 * @param pruneInterval how often keys older than the retention are deleted
 * @param takeOverAfter how long an execution may stay IN_PROGRESS before a retry runs the handler again (an instance
 *     that crashed between the handler's commit and storing the response leaves such a row); longer than any request
 * @param retryAfter what {@code Retry-After} tells a client whose key is IN_PROGRESS
 * @param excludedPaths path patterns whose requests are never recorded, whatever they send: sign-in and sign-up,
 *     whose bodies hold passwords and whose answers (tokens) must not be stored
 */
@ConfigurationProperties("idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("60s") Duration takeOverAfter,
        @DefaultValue("1s") Duration retryAfter,
        List<String> excludedPaths) {

    public IdempotencyProperties {
        excludedPaths = excludedPaths == null ? List.of() : List.copyOf(excludedPaths);
    }
}
