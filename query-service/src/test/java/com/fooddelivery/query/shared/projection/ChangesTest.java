package com.fooddelivery.query.shared.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private static final int MAX_LONG_POLLS = 2;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(3);

    private final Changes changes = new Changes(MAX_LONG_POLLS, RETRY_AFTER);

    @Test
    void a_change_wakes_the_waiter_for_that_order_only() throws Exception {
        try (Changes.Waiter mine = changes.listen("order-1");
                Changes.Waiter other = changes.listen("order-2")) {
            CompletableFuture<Void> mineWoken = awaitAsync(mine, Duration.ofMinutes(1));
            CompletableFuture<Void> otherWoken = awaitAsync(other, Duration.ofMinutes(1));

            changes.changed(List.of("order-1"));

            mineWoken.get(5, TimeUnit.SECONDS);
            Thread.sleep(100);
            assertThat(otherWoken).isNotDone();
            changes.changed(List.of("order-2"));
            otherWoken.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_change_between_listening_and_waiting_is_not_missed() throws Exception {
        try (Changes.Waiter waiter = changes.listen("order-1")) {
            changes.changed(List.of("order-1")); // e.g. while the waiter read the current state

            awaitAsync(waiter, Duration.ofMinutes(1)).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_change_wakes_every_waiter_of_the_order_not_only_the_first() throws Exception {
        try (Changes.Waiter first = changes.listen("order-1");
                Changes.Waiter second = changes.listen("order-1")) {
            CompletableFuture<Void> firstWoken = awaitAsync(first, Duration.ofMinutes(1));
            CompletableFuture<Void> secondWoken = awaitAsync(second, Duration.ofMinutes(1));

            changes.changed(List.of("order-1"));

            firstWoken.get(5, TimeUnit.SECONDS);
            secondWoken.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void one_waiter_timing_out_does_not_take_the_signal_of_another_waiter_of_the_same_order() throws Exception {
        try (Changes.Waiter patient = changes.listen("order-1");
                Changes.Waiter hasty = changes.listen("order-1")) {
            CompletableFuture<Void> patientWoken = awaitAsync(patient, Duration.ofMinutes(1));
            hasty.await(Duration.ofMillis(20));

            changes.changed(List.of("order-1"));

            patientWoken.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void waiting_without_a_change_ends_after_the_given_time_and_listens_again_for_the_next_read() throws Exception {
        try (Changes.Waiter waiter = changes.listen("order-1")) {
            long started = System.nanoTime();
            waiter.await(Duration.ofMillis(50));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));

            // A change after the timed-out wait, while the request re-reads, still wakes its next wait.
            changes.changed(List.of("order-1"));
            awaitAsync(waiter, Duration.ofMinutes(1)).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_hundred_thousand_reads_of_unknown_orders_leave_no_waiter_behind() {
        for (int read = 0; read < 100_000; read++) {
            // A plain read, or one answered by its first look: listens, reads, answers.
            try (Changes.Waiter ignored = changes.listen(UUID.randomUUID().toString())) {
                assertThat(changes.waiters()).isEqualTo(1);
            }
        }

        assertThat(changes.waiters()).isZero();
        assertThat(changes.longPolls()).isZero();
    }

    @Test
    void reads_that_waited_and_timed_out_leave_no_waiter_and_free_their_slot() throws Exception {
        for (int read = 0; read < 1_000; read++) {
            try (Changes.Waiter waiter = changes.listen(UUID.randomUUID().toString())) {
                waiter.await(Duration.ZERO);
            }
        }

        assertThat(changes.waiters()).isZero();
        assertThat(changes.longPolls()).isZero();
    }

    @Test
    void a_waiting_request_that_is_interrupted_leaves_no_waiter_and_frees_its_slot() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        Thread request = Thread.ofVirtual().start(() -> {
            try (Changes.Waiter waiter = changes.listen("order-1")) {
                waiting.countDown();
                waiter.await(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                // the servlet container gave up on the request: nothing to answer
            }
        });
        waiting.await(5, TimeUnit.SECONDS);
        awaitLongPolls(1);

        request.interrupt();
        request.join(Duration.ofSeconds(5));

        assertThat(request.isAlive()).isFalse();
        assertThat(changes.waiters()).isZero();
        assertThat(changes.longPolls()).isZero();
    }

    @Test
    void a_read_beyond_the_waiting_limit_is_refused_without_waiting_and_a_freed_slot_is_taken_again() throws Exception {
        List<Changes.Waiter> holding = new ArrayList<>();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (int i = 0; i < MAX_LONG_POLLS; i++) {
            Changes.Waiter waiter = changes.listen("order-" + i);
            holding.add(waiter);
            waits.add(awaitAsync(waiter, Duration.ofMinutes(1)));
        }
        awaitLongPolls(MAX_LONG_POLLS);

        try (Changes.Waiter oneTooMany = changes.listen("order-x")) {
            long asked = System.nanoTime();
            assertThatThrownBy(() -> oneTooMany.await(Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(LongPollsExhaustedException.class, e -> {
                        assertThat(e.limit()).isEqualTo(MAX_LONG_POLLS);
                        assertThat(e.retryAfter()).isEqualTo(RETRY_AFTER);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(changes.waiters()).as("the refused read is not registered").isEqualTo(MAX_LONG_POLLS);

        changes.changed(List.of("order-0"));
        waits.getFirst().get(5, TimeUnit.SECONDS);
        holding.getFirst().close();

        try (Changes.Waiter next = changes.listen("order-y")) {
            next.await(Duration.ofMillis(10));
        }
        changes.changed(List.of("order-1"));
        waits.getLast().get(5, TimeUnit.SECONDS);
        holding.forEach(Changes.Waiter::close);
        assertThat(changes.waiters()).isZero();
        assertThat(changes.longPolls()).isZero();
    }

    /** Waits on another thread, as the request that holds the waiter would. */
    private static CompletableFuture<Void> awaitAsync(Changes.Waiter waiter, Duration atMost) {
        return CompletableFuture.runAsync(() -> {
            try {
                waiter.await(atMost);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void awaitLongPolls(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (changes.longPolls() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(changes.longPolls()).isEqualTo(expected);
    }
}
