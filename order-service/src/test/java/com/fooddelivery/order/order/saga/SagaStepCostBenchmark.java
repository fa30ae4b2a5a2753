package com.fooddelivery.order.order.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.order.order.application.OrderIntake;
import com.fooddelivery.order.order.application.OrderIntake.NewOrder;
import com.fooddelivery.order.order.domain.DeliveryAddress;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentAuthorized;
import com.fooddelivery.order.order.domain.OrderCommands.RejectOrder;
import com.fooddelivery.order.order.domain.PaymentMethod;
import com.fooddelivery.order.order.domain.RequestedItem;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The cost of one saga step as the number of open orders grows. At each level it keeps that many orders open
 * (PENDING, each with its persisted payment deadline), then, one sample after another, places one more order, records
 * its payment authorization (the saga swaps the payment deadline for the restaurant's) and has the restaurant reject
 * it (the saga cancels its deadline, voids the payment and ends), so the number of open orders stays at the level.
 * It prints the latency of each step per level and its ratio to the smallest level. It asserts only that every step
 * did its work, never a speed: read the numbers.
 *
 * <p>Not part of the build's tests (its name does not end in {@code IT}); run it on its own with the local
 * infrastructure up:
 *
 * <pre>
 * ./mvnw -B -ntp -pl order-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Dit.test=SagaStepCostBenchmark -Dbenchmark.open-orders=10,1000,20000 -Dbenchmark.samples=300
 * </pre>
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            // No deadline may fire while the benchmark runs: every open order must stay open.
            "order.timeouts.payment=6h",
            "order.timeouts.restaurant=6h",
            "logging.level.root=WARN"
        })
class SagaStepCostBenchmark {

    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    private static final UUID MASALA_DOSA = UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21");
    private static final DeliveryAddress ADDRESS = new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59);
    private static final int SEEDING_THREADS = 8;

    @Autowired
    OrderIntake intake;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void prints_the_cost_of_a_saga_step_per_number_of_open_orders() throws Exception {
        int[] levels = Arrays.stream(System.getProperty("benchmark.open-orders", "10,1000,20000")
                        .split(","))
                .mapToInt(level -> Integer.parseInt(level.trim()))
                .sorted()
                .toArray();
        int samples = Integer.getInteger("benchmark.samples", 300);
        int warmup = Integer.getInteger("benchmark.warmup", 1000);

        // The JIT and the pools warm up on orders that end, so the first level is not measured cold.
        measure(warmup);

        List<String> rows = new ArrayList<>();
        Step.Latencies first = null;
        int open = 0;
        for (int level : levels) {
            seed(level - open);
            open = level;
            assertThat(openDeadlines())
                    .as("every open order waits on one deadline")
                    .isEqualTo(level);
            Step.Latencies latencies = measure(samples);
            assertThat(openDeadlines())
                    .as("the samples ended and left the level as it was")
                    .isEqualTo(level);
            if (first == null) {
                first = latencies;
            }
            rows.add(latencies.row(level, first));
        }
        System.out.println("\nSaga step cost by open orders (" + samples + " samples per level, ms)\n"
                + Step.Latencies.HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    /** Places {@code count} orders that stay open, from several threads. */
    private void seed(int count) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(SEEDING_THREADS)) {
            List<Future<UUID>> placed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                placed.add(threads.submit(this::place));
            }
            for (Future<UUID> order : placed) {
                order.get();
            }
        }
    }

    private Step.Latencies measure(int samples) {
        Step.Latencies latencies = new Step.Latencies(samples);
        for (int i = 0; i < samples; i++) {
            UUID orderId = latencies.place.time(this::place);
            latencies.authorize.time(() -> commands.sendAndWait(new RecordPaymentAuthorized(orderId)));
            latencies.reject.time(() -> commands.sendAndWait(new RejectOrder(orderId, RESTAURANT, "benchmark")));
        }
        return latencies;
    }

    private UUID place() {
        return intake.place(new NewOrder(
                UUID.randomUUID(),
                null,
                RESTAURANT,
                List.of(new RequestedItem(MASALA_DOSA, 1)),
                PaymentMethod.CARD,
                ADDRESS,
                null));
    }

    private int openDeadlines() {
        return jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class);
    }

    /** One kind of saga step and its latencies in nanoseconds. */
    private static final class Step {

        private final long[] nanos;
        private int count;

        Step(int samples) {
            nanos = new long[samples];
        }

        <T> T time(Supplier<T> step) {
            long start = System.nanoTime();
            T result = step.get();
            nanos[count++] = System.nanoTime() - start;
            return result;
        }

        double percentileMs(double percentile) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(nanos, 0, count).average().orElse(0) / 1e6;
        }

        private record Latencies(Step place, Step authorize, Step reject) {

            static final String HEADER = String.format(
                    Locale.ROOT,
                    "%12s | %-26s | %-26s | %-26s | %s",
                    "open orders",
                    "place  mean / p50 / p99",
                    "authorize  mean / p50 / p99",
                    "reject  mean / p50 / p99",
                    "authorize+reject mean vs first level");

            Latencies(int samples) {
                this(new Step(samples), new Step(samples), new Step(samples));
            }

            String row(int openOrders, Latencies first) {
                double perStep = authorize.meanMs() + reject.meanMs();
                double firstPerStep = first.authorize.meanMs() + first.reject.meanMs();
                return String.format(
                        Locale.ROOT,
                        "%12d | %s | %s | %s | %+.0f%%",
                        openOrders,
                        cell(place),
                        cell(authorize),
                        cell(reject),
                        (perStep / firstPerStep - 1) * 100);
            }

            private static String cell(Step step) {
                return String.format(
                        Locale.ROOT,
                        "%7.2f / %7.2f / %7.2f",
                        step.meanMs(),
                        step.percentileMs(50),
                        step.percentileMs(99));
            }
        }
    }
}
