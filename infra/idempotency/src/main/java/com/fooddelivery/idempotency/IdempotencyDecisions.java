package com.fooddelivery.idempotency;

import java.time.Duration;
import java.time.Instant;

/** The rules for a request whose key is already stored. No I/O, so every rule has a plain unit test. */
public final class IdempotencyDecisions {

    private IdempotencyDecisions() {}

    /**
     * @param takeOverAfter how long an execution may stay IN_PROGRESS before a retry may run the handler again
     */
    public static Decision decide(
            IdempotencyRecord stored, RequestFingerprint incoming, Instant now, Duration takeOverAfter) {
        // A different request is refused whatever the state: the key names one request only.
        if (!stored.request().equals(incoming)) {
            return new Decision.KeyReused();
        }
        if (stored.state() == IdempotencyRecord.State.COMPLETED) {
            return new Decision.Replay(stored.response());
        }
        if (!now.isBefore(stored.claimedAt().plus(takeOverAfter))) {
            return new Decision.TakeOver(stored.claimToken());
        }
        return new Decision.InProgress();
    }
}
