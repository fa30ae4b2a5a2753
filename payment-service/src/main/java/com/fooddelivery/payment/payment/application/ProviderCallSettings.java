package com.fooddelivery.payment.payment.application;

import com.fooddelivery.payment.payment.domain.ProviderOperation;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payment.calls.*}: how provider calls are carried out after the command's transaction.
 *
 * @param lease how long an instance holds a call it is making; longer than one call with its quick retries, so no
 *     two instances ever call for the same payment at once, short enough that a call left by a dead instance is
 *     taken up again soon
 * @param backoff the wait before the first retry of a call that got no answer; doubled with each attempt
 * @param maxBackoff the longest wait between attempts
 * @param authorizeAttempts attempts before an authorization is declined PROVIDER_UNAVAILABLE (the saga stops waiting
 *     after 30 s anyway)
 * @param captureAttempts attempts before a capture is reported failed (PaymentCaptureFailed, the order needs a person)
 * @param refundAttempts attempts before a refund is reported failed (PaymentRefundFailed)
 * @param sweepInterval how often calls that are due again, or left behind by a stopped instance, are picked up
 */
@ConfigurationProperties("payment.calls")
public record ProviderCallSettings(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("60s") Duration maxBackoff,
        @DefaultValue("4") int authorizeAttempts,
        @DefaultValue("10") int captureAttempts,
        @DefaultValue("10") int refundAttempts,
        @DefaultValue("1s") Duration sweepInterval) {

    /** Attempts before giving up on an operation; a void is never given up (an authorization must be released). */
    public int attemptsFor(ProviderOperation operation) {
        return switch (operation) {
            case AUTHORIZE -> authorizeAttempts;
            case CAPTURE -> captureAttempts;
            case REFUND -> refundAttempts;
            case VOID -> Integer.MAX_VALUE;
        };
    }

    /** The wait after the {@code attempts}-th attempt without an answer. */
    public Duration backoffAfter(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
