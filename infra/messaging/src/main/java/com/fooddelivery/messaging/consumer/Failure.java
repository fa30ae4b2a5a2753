package com.fooddelivery.messaging.consumer;

/** What a listener's failure means for its record: see {@link FailureClassifier}. */
public enum Failure {
    /** The record is not a message this consumer can read: dead-lettered at once. */
    UNREADABLE,
    /** Infrastructure that will come back (database, broker, search engine, provider): retried until it does. */
    TRANSIENT,
    /** A well-read message whose handling fails for another reason: retried a few times, then answered or parked. */
    PERMANENT
}
