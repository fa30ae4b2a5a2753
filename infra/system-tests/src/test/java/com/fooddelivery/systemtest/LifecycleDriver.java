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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives whole orders through a running system ({@code infra/local/up}): customers place orders, the restaurant
 * accepts and marks each ready, courier bots take offers, pick up and deliver. Prints throughput and the time from
 * placing an order to seeing it DELIVERED in query-service. Asserts nothing about speed.
 *
 * <p>Everyone acts with a bearer token of a real account: a pool of {@code -Dcustomers} (20) customers who register
 * themselves, staff of the restaurant and one courier per bot, made by order-service's ADMIN (the demo one by default:
 * {@code -DadminUser}, {@code -DadminPassword}). A request over the per-user rate limit (429) is sent again after the
 * {@code Retry-After} it names.
 *
 * <pre>
 * ./mvnw -pl infra/system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.fooddelivery.systemtest.LifecycleDriver -Dorders=1000 -Dconcurrency=8
 * </pre>
 */
public final class LifecycleDriver {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String ORDER = """
            {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10",
             "items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":1}],
             "paymentMethod":"CARD",
             "deliveryAddress":{"line1":"12 MG Road","city":"Bengaluru","lat":12.97,"lon":77.59}}""";
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI orders = URI.create(System.getProperty("orderUrl", "http://127.0.0.1:8081"));
    private final URI deliveries = URI.create(System.getProperty("deliveryUrl", "http://127.0.0.1:8083"));
    private final URI queries = URI.create(System.getProperty("queryUrl", "http://127.0.0.1:8084"));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Accounts accounts = new Accounts(
            orders,
            System.getProperty("adminUser", "admin"),
            System.getProperty("adminPassword", Accounts.DEMO_PASSWORD));
    private final AtomicInteger nextCustomer = new AtomicInteger();
    private List<Accounts.Account> customers;
    private Accounts.Account staff;

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("orders", 1000);
        int concurrency = Integer.getInteger("concurrency", 8);
        new LifecycleDriver().run(count, concurrency);
    }

    private void run(int count, int concurrency) throws Exception {
        customers = accounts.newCustomers(Integer.getInteger("customers", 20));
        staff = accounts.staffOf(RESTAURANT);
        List<Accounts.Account> couriers = accounts.newCouriers(concurrency);
        ExecutorService bots = Executors.newVirtualThreadPerTaskExecutor();
        for (Accounts.Account courier : couriers) {
            send(
                    "PUT",
                    deliveries.resolve("/couriers/me/availability"),
                    "{\"online\":true,\"lat\":12.972,\"lon\":77.641}",
                    courier);
            bots.submit(() -> courierBot(courier));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService customers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                work.add(customers.submit(() -> {
                    try {
                        latencies.add(orderToDoor());
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        System.err.println("order failed: " + e.getMessage());
                    }
                }));
            }
            for (Future<?> each : work) {
                each.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Accounts.Account courier : couriers) {
            send(
                    "PUT",
                    deliveries.resolve("/couriers/me/availability"),
                    "{\"online\":false,\"lat\":12.972,\"lon\":77.641}",
                    courier);
        }
        bots.shutdown();
        bots.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "orders=%d delivered=%d failed=%d concurrency=%d elapsed=%.1fs throughput=%.1f orders/s%n",
                count, sorted.size(), failures.get(), concurrency, seconds, sorted.size() / seconds);
        if (!sorted.isEmpty()) {
            System.out.printf(
                    "placed->delivered ms: p50=%d p90=%d p99=%d max=%d%n",
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.getLast());
        }
    }

    /** One order from the customer's tap to DELIVERED, the restaurant acting as soon as it can. */
    private long orderToDoor() throws Exception {
        Accounts.Account customer = customers.get(Math.floorMod(nextCustomer.getAndIncrement(), customers.size()));
        long start = System.nanoTime();
        HttpResponse<String> placed = send("POST", orders.resolve("/orders"), ORDER, customer);
        if (placed.statusCode() != 202) {
            throw new IllegalStateException("POST /orders: " + placed.statusCode() + " " + placed.body());
        }
        String orderId = json.readTree(placed.body()).get("orderId").asString();
        await(orderId, "AWAITING_RESTAURANT", customer);
        expect(send(
                "POST",
                orders.resolve("/restaurants/" + RESTAURANT + "/orders/" + orderId + "/accept"),
                "{\"prepTimeMinutes\":10}",
                staff));
        expect(send("POST", orders.resolve("/restaurants/" + RESTAURANT + "/orders/" + orderId + "/ready"), "", staff));
        await(orderId, "DELIVERED", customer);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Takes every offer, then picks up and delivers it. */
    private void courierBot(Accounts.Account courier) {
        while (running.get()) {
            try {
                HttpResponse<String> offer = send("GET", deliveries.resolve("/couriers/me/offer"), null, courier);
                if (offer.statusCode() != 200) {
                    Thread.sleep(50);
                    continue;
                }
                String deliveryId =
                        json.readTree(offer.body()).get("deliveryId").asString();
                if (send("POST", deliveries.resolve("/deliveries/" + deliveryId + "/accept"), "", courier)
                                .statusCode()
                        != 200) {
                    continue;
                }
                while (send("POST", deliveries.resolve("/deliveries/" + deliveryId + "/pickup"), "", courier)
                                .statusCode()
                        != 200) {
                    Thread.sleep(50);
                }
                expect(send("POST", deliveries.resolve("/deliveries/" + deliveryId + "/deliver"), "", courier));
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("courier " + courier + ": " + e.getMessage());
            }
        }
    }

    /** Polls the order as its customer reads it. */
    private void await(String orderId, String status, Accounts.Account customer) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(queries.resolve("/orders/" + orderId))
                            .header("Authorization", customer.authorization())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode order = json.readTree(response.body());
                String now = order.get("status").asString();
                if (now.equals(status)) {
                    return;
                }
                if (now.equals("REJECTED") || now.equals("CANCELLED")) {
                    throw new IllegalStateException(orderId + " ended " + now + " "
                            + order.path("reason").asString());
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(orderId + " not " + status + " within " + GIVE_UP);
    }

    /** As {@code caller}; over the rate limit (429), again after the {@code Retry-After} it names. */
    private HttpResponse<String> send(String method, URI uri, String body, Accounts.Account caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Authorization", caller.authorization())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (uri.getPath().equals("/orders")) {
            // The same key for every attempt: a retried order is placed once.
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpRequest built = request.build();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || System.nanoTime() > deadline) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    private static void expect(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
