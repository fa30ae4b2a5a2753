package com.fooddelivery.payment.payment.application;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.ProviderCall;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider calls payments decided on, carried out one at a time per order, oldest first. Times are the database's
 * clock, so every instance agrees on what is due and whose claim has run out.
 */
public interface ProviderCalls {

    /** Where a recorded call stands. */
    enum State {
        /** To be made, or being made (claimed), or waiting to be tried again. */
        PENDING,
        /** The provider answered; the outcome is recorded. */
        DONE,
        /** Given up after every attempt; asking for the same operation again re-opens it. */
        FAILED
    }

    /** A recorded call with where it stands and the code it failed with, if it did. */
    record Recorded(ProviderCall call, State state, String failureCode) {}

    /**
     * Records the intent in the caller's transaction, answered later in {@code replyTo}'s conversation. A call with
     * the same key that is pending or done stays as it is (a repeated command); one that failed is re-opened.
     */
    void record(ProviderCall intent, MessageContext replyTo);

    Optional<Recorded> find(IdempotencyKey key);

    /**
     * Claims the order's oldest pending call for {@code lease} if it is due and nobody holds it, in the caller's
     * transaction (which also holds the payment's row lock). Empty if there is none, it is not due, or another
     * instance holds it: then that instance, or a later sweep, carries it on.
     */
    Optional<Claimed> claimNext(UUID orderId, Duration lease);

    /** A claimed call and the conversation its answer belongs to. */
    record Claimed(ProviderCall call, MessageContext replyTo) {}

    /** @return false if the call is no longer pending (another instance recorded it after this one's lease ran out) */
    boolean complete(long callId);

    /** Gives the call up; @return false if it is no longer pending. */
    boolean fail(long callId, String code, String error);

    /** No answer this time: the claim is released and the call is due again after {@code backoff}. */
    void retryLater(long callId, int attempts, Duration backoff, String error);

    /** How many calls are pending, and how long the oldest has waited (for gauges). */
    Backlog backlog();

    record Backlog(long pending, Duration oldestAge) {}

    /** Orders whose oldest pending call is due and unclaimed (a sweep picks up what an instance left behind). */
    List<UUID> ordersWithDueCalls(int limit);
}
