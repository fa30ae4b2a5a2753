package com.fooddelivery.messaging.consumer;

import java.util.List;

/**
 * Exceptions of a service that mean "try again later" although the library cannot know them (a payment provider's
 * outage, Axon's transient exceptions). Declare one bean; {@link FailureClassifier} treats them like a lost database
 * connection.
 */
public record TransientExceptions(List<Class<? extends Throwable>> types) {

    @SafeVarargs
    public static TransientExceptions of(Class<? extends Throwable>... types) {
        return new TransientExceptions(List.of(types));
    }
}
