package com.fooddelivery.messaging.consumer;

import java.util.Optional;

/**
 * A service's answers to commands it could not carry out, for the commands someone waits for (a saga with a
 * deadline). A command whose handling fails for good is answered with this reply instead of being parked on the
 * dead-letter topic, so the waiting side moves on (and compensates) rather than wait for an answer that never comes.
 * Declare at most one bean.
 */
@FunctionalInterface
public interface FailureReplies {

    /**
     * The reply telling the sender that {@code command} failed for good, or empty if nobody waits for an answer.
     * {@code reason} (the failure, at most 200 characters) fits the reason field of a reply.
     */
    Optional<Object> replyTo(Object command, String reason);
}
