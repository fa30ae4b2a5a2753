package com.fooddelivery.idempotency;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored key: the request it was first used for, who executes it ({@code claimToken}) and, once completed, the
 * response.
 */
public record IdempotencyRecord(
        RequestFingerprint request, State state, UUID claimToken, Instant claimedAt, StoredResponse response) {

    public enum State {
        IN_PROGRESS,
        COMPLETED
    }
}
