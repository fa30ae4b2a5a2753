package com.fooddelivery.query.shared.projection;

import java.time.Duration;

/** Every long-poll slot of this instance is taken ({@code query.long-poll.max-concurrent}): answer now, do not wait. */
public class LongPollsExhaustedException extends RuntimeException {

    private final int limit;
    private final Duration retryAfter;

    public LongPollsExhaustedException(int limit, Duration retryAfter) {
        super("All " + limit + " long-poll slots of this instance are taken");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public int limit() {
        return limit;
    }

    /** How long the client should wait before asking again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
