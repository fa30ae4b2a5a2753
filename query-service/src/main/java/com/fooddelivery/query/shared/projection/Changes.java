package com.fooddelivery.query.shared.projection;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Wakes requests that wait for an order to change (long-poll, read-your-writes) as soon as a projection in this
 * instance wrote it. Another instance may project the change, so waiters also re-read on a timer; this only makes
 * the common case immediate.
 */
@Component
public class Changes {

    private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Call before reading the current state, then {@link Signal#await} it: a change in between is not missed. */
    public Signal listen(String orderId) {
        return new Signal(waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>()));
    }

    public void changed(Collection<String> orderIds) {
        for (String orderId : orderIds) {
            CompletableFuture<Void> signal = waiting.remove(orderId);
            if (signal != null) {
                signal.complete(null);
            }
        }
    }

    public record Signal(CompletableFuture<Void> future) {}

    /**
     * Returns when the order changed or {@code atMost} passed, whichever is first. A signal nobody completed is
     * dropped, so orders that never change do not stay in memory (another waiter on it re-reads on its timer).
     */
    public void await(String orderId, Signal signal, Duration atMost) throws InterruptedException {
        try {
            signal.future().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            waiting.remove(orderId, signal.future());
        }
    }
}
