package com.fooddelivery.systemtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time from {@code POST /orders} to the order being readable from query-service, against a running system
 * ({@code infra/local/up}). Prints throughput and latency percentiles; asserts nothing about speed. The orders are
 * placed and read by a pool of {@code -Dcustomers} (20) customers who register themselves before the clock starts;
 * each reads only their own orders, with their bearer token.
 *
 * <pre>
 * ./mvnw -pl infra/system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.fooddelivery.systemtest.OrderVisibilityBenchmark -Dorders=1000 -Dconcurrency=8
 * </pre>
 */
public final class OrderVisibilityBenchmark {

    private static final String ORDER = """
            {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10",
             "items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":2}],
             "paymentMethod":"UPI",
             "deliveryAddress":{"line1":"12 MG Road","city":"Bengaluru","lat":12.97,"lon":77.59}}""";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI orderService;
    private final URI queryService;
    private final List<Accounts.Account> customers;
    private final AtomicInteger nextCustomer = new AtomicInteger();

    private OrderVisibilityBenchmark(URI orderService, URI queryService, int customers) {
        this.orderService = orderService;
        this.queryService = queryService;
        this.customers = new Accounts(orderService).newCustomers(customers);
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 1000);
        int concurrency = Integer.getInteger("concurrency", 8);
        var benchmark = new OrderVisibilityBenchmark(
                URI.create(System.getProperty("orderUrl", "http://127.0.0.1:8081")),
                URI.create(System.getProperty("queryUrl", "http://127.0.0.1:8084")),
                Integer.getInteger("customers", 20));
        benchmark.run(Math.min(50, orders), concurrency); // warm-up: JIT, connection pools
        List<Long> latencies = new ArrayList<>();
        long started = System.nanoTime();
        latencies.addAll(benchmark.run(orders, concurrency));
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(latencies);
        System.out.printf(
                "orders=%d concurrency=%d elapsed=%.1fs throughput=%.1f orders/s%n",
                orders, concurrency, seconds, orders / seconds);
        System.out.printf(
                "POST->readable ms: p50=%d p90=%d p99=%d max=%d%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), latencies.getLast());
    }

    private List<Long> run(int orders, int concurrency) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                results.add(clients.submit(this::placeAndAwait));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> result : results) {
                latencies.add(result.get());
            }
            return latencies;
        }
    }

    /** Milliseconds from sending the order to the first 200 from query-service. */
    private long placeAndAwait() throws Exception {
        Accounts.Account customer = customers.get(Math.floorMod(nextCustomer.getAndIncrement(), customers.size()));
        String authorization = customer.authorization();
        long start = System.nanoTime();
        HttpResponse<String> placed = http.send(
                HttpRequest.newBuilder(orderService.resolve("/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (placed.statusCode() != 202) {
            throw new IllegalStateException("POST /orders answered " + placed.statusCode() + ": " + placed.body());
        }
        String orderId = json.readTree(placed.body()).get("orderId").asString();
        HttpRequest read = HttpRequest.newBuilder(queryService.resolve("/orders/" + orderId))
                .header("Authorization", authorization)
                .build();
        while (System.nanoTime() - start < GIVE_UP.toNanos()) {
            if (http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("Order " + orderId + " not readable after " + GIVE_UP);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
