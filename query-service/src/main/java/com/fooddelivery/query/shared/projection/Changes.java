package com.fooddelivery.query.shared.projection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Wakes requests that wait for an order to change (long-poll, read-your-writes) as soon as a projection wrote it:
 * one of this instance directly, one of another instance through the {@link ChangeFeed}. A waiter reads only when
 * woken and once more when its wait is over, so the read load follows the changes, not the number of waiters.
 *
 * <p>Bounded twice. Memory: a {@link Waiter} is registered only for the request that holds it and removed when it is
 * closed, whatever ends the request (an answer, the wait running out, an exception, an interrupt), so the map holds
 * exactly the requests in flight. Concurrency: at most {@code query.long-poll.max-concurrent} requests of this
 * instance actually wait at once (each holds a connection open and reads again at each change); one more
 * is refused with {@link LongPollsExhaustedException} instead of queueing.
 */
@Component
public class Changes implements MeterBinder {

    private final ConcurrentMap<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final int maxLongPolls;
    private final Semaphore longPolls;
    private final Duration retryAfter;
    private final AtomicLong refused = new AtomicLong();

    public Changes(
            @Value("${query.long-poll.max-concurrent}") int maxLongPolls,
            @Value("${query.long-poll.retry-after}") Duration retryAfter) {
        if (maxLongPolls < 1) {
            throw new IllegalArgumentException("query.long-poll.max-concurrent must be at least 1");
        }
        this.maxLongPolls = maxLongPolls;
        this.longPolls = new Semaphore(maxLongPolls);
        this.retryAfter = retryAfter;
    }

    /**
     * Registers interest in {@code orderId}: call before reading the current state, so a change in between is not
     * missed, and close the waiter (try-with-resources) when the request answers.
     */
    public Waiter listen(String orderId) {
        return new Waiter(orderId);
    }

    public void changed(Collection<String> orderIds) {
        for (String orderId : orderIds) {
            Set<CompletableFuture<Void>> signals = waiting.remove(orderId);
            if (signals != null) {
                signals.forEach(signal -> signal.complete(null));
            }
        }
    }

    /** How many requests are registered for a change now: those in flight, never one that has answered. */
    public int waiters() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    /** How many requests hold one of the {@code query.long-poll.max-concurrent} slots now. */
    public int longPolls() {
        return maxLongPolls - longPolls.availablePermits();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("query.order.waiters", this, Changes::waiters)
                .description("Requests registered for a change of an order (long-polls and read-your-writes waits)")
                .register(registry);
        Gauge.builder("query.long-polls.active", this, Changes::longPolls)
                .description("Requests waiting for a change now, out of query.long-poll.max-concurrent")
                .register(registry);
        Gauge.builder("query.long-polls.max", () -> maxLongPolls)
                .description("query.long-poll.max-concurrent")
                .register(registry);
        FunctionCounter.builder("query.long-polls.refused", refused, AtomicLong::get)
                .description("Requests that would have waited but found every slot taken (answered 503)")
                .register(registry);
    }

    private CompletableFuture<Void> register(String orderId) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        waiting.compute(orderId, (id, signals) -> {
            Set<CompletableFuture<Void>> registered = signals != null ? signals : ConcurrentHashMap.newKeySet();
            registered.add(signal);
            return registered;
        });
        return signal;
    }

    /** Removes {@code signal}, and the order's entry with its last signal; a no-op once a change took them. */
    private void forget(String orderId, CompletableFuture<Void> signal) {
        waiting.computeIfPresent(orderId, (id, signals) -> {
            signals.remove(signal);
            return signals.isEmpty() ? null : signals;
        });
    }

    /** One request's interest in one order, from before its first read until it answers. Not shared between threads. */
    public final class Waiter implements AutoCloseable {

        private final String orderId;
        private CompletableFuture<Void> signal;
        private boolean holdsSlot;
        private boolean closed;

        private Waiter(String orderId) {
            this.orderId = orderId;
            this.signal = register(orderId);
        }

        /**
         * Returns when the order changed since this waiter last listened or {@code atMost} passed, whichever is
         * first, listening again for the next read. The first call takes a long-poll slot, kept until {@link #close}.
         *
         * @throws LongPollsExhaustedException if every slot is taken: the request should not wait at all
         */
        public void await(Duration atMost) throws InterruptedException {
            if (closed) {
                throw new IllegalStateException("Waiter for order " + orderId + " is closed");
            }
            if (!holdsSlot) {
                if (!longPolls.tryAcquire()) {
                    refused.incrementAndGet();
                    throw new LongPollsExhaustedException(maxLongPolls, retryAfter);
                }
                holdsSlot = true;
            }
            try {
                signal.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Nothing changed in time: the caller re-reads anyway.
            } finally {
                // A completed signal is spent; a timed-out one is replaced so the next read is covered from its start.
                forget(orderId, signal);
                signal = register(orderId);
            }
        }

        /** Removes this request's registration and frees its slot. Idempotent. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            forget(orderId, signal);
            if (holdsSlot) {
                holdsSlot = false;
                longPolls.release();
            }
        }
    }
}
