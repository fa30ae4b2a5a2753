package com.fooddelivery.query.shared.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private final Changes changes = new Changes();

    @Test
    void a_change_wakes_the_waiter_for_that_order_only() throws Exception {
        Changes.Signal mine = changes.listen("order-1");
        Changes.Signal other = changes.listen("order-2");

        changes.changed(List.of("order-1"));

        assertThat(mine.future()).isDone();
        assertThat(other.future()).isNotDone();
    }

    @Test
    void a_change_between_listening_and_waiting_is_not_missed() throws Exception {
        Changes.Signal signal = changes.listen("order-1");
        changes.changed(List.of("order-1")); // e.g. while the waiter read the current state

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                changes.await("order-1", signal, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        waiting.get(5, TimeUnit.SECONDS);
    }

    @Test
    void waiting_without_a_change_ends_after_the_given_time() throws Exception {
        long started = System.nanoTime();

        Changes.Signal signal = changes.listen("order-1");
        changes.await("order-1", signal, Duration.ofMillis(50));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(changes.listen("order-1").future())
                .as("a signal nobody completed is dropped, not kept for an order that may never change")
                .isNotSameAs(signal.future());
    }
}
