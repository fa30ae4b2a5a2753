package com.fooddelivery.query.benchmark;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.contracts.restaurant.OpeningHours;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.query.QueryServiceApplication;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestConsumerGroups;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indexes {@code orders} synthetic orders (with deliveries for a fifth of them and {@code restaurants} restaurants)
 * through Kafka into a query-service started in this JVM with indices of its own, then prints p50/p99 of every read
 * endpoint and the time to rebuild every index from the topics. Asserts nothing about speed.
 *
 * <p>It publishes to the real topics of the local cluster ({@code infra/local/up --infra-only}), so the local
 * query-service indexes these orders too; {@code infra/local/down --purge} forgets them.
 *
 * <pre>
 * ./mvnw -pl query-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.fooddelivery.query.benchmark.ReadModelBenchmark -Dorders=100000 -Drequests=2000
 * </pre>
 */
public final class ReadModelBenchmark {

    private static final String ADMIN = TestTokens.admin();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONCURRENCY = 8;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private ReadModelBenchmark(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 100_000);
        int restaurants = Integer.getInteger("restaurants", 200);
        int requests = Integer.getInteger("requests", 2000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Infrastructure infrastructure = Infrastructure.get();
        // Command-line arguments outrank application.yml (default properties would not).
        try (ConfigurableApplicationContext queryService = new SpringApplicationBuilder(QueryServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.elasticsearch.uris=" + infrastructure.elasticsearchUrl(),
                        // Starts at the topics' ends: the benchmark measures its own orders, not earlier runs'.
                        "--spring.kafka.consumer.group-id="
                                + TestConsumerGroups.startingNow(
                                        "read-model-benchmark-" + run, Topics.ALL.toArray(String[]::new)),
                        "--query.index-prefix=bench-" + run + "-",
                        // Measures the read model, not the per-client limit: its anonymous requests share one client.
                        "--web.rate-limit.requests-per-second=1000000",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER)) {
            Thread.sleep(5_000); // partitions assigned
            int port = queryService.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            new ReadModelBenchmark(port).run(orders, restaurants, requests, infrastructure.kafkaBootstrapServers());
        } finally {
            infrastructure.deleteIndices("bench-" + run + "-");
        }
    }

    private void run(int orderCount, int restaurantCount, int requests, String kafka) throws Exception {
        List<UUID> restaurants = ids(restaurantCount);
        List<UUID> customers = ids(Math.max(1, orderCount / 20));
        List<UUID> couriers = ids(Math.max(1, orderCount / 100));
        List<UUID> orders = ids(orderCount);
        OrderStatus[] statuses = OrderStatus.values();

        long publishing = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < restaurantCount; i++) {
                publish(producer, restaurants.get(i).toString(), restaurant(restaurants.get(i), i));
            }
            Instant placedAt = Instant.parse("2026-11-01T00:00:00Z");
            for (int i = 0; i < orderCount; i++) {
                UUID order = orders.get(i);
                publish(
                        producer,
                        order.toString(),
                        OrderEvents.inStatus(
                                order,
                                customers.get(i % customers.size()),
                                restaurants.get(i % restaurants.size()),
                                placedAt.plusSeconds(i),
                                statuses[i % statuses.length],
                                3));
                if (i % 5 == 0) {
                    DeliveryStatus status = i % 2 == 0 ? DeliveryStatus.PICKED_UP : DeliveryStatus.DELIVERED;
                    publish(
                            producer,
                            order.toString(),
                            DeliveryEvents.updated(
                                    UUID.randomUUID(), order, 4, status, couriers.get(i % couriers.size())));
                }
            }
            producer.flush();
        }
        awaitIndexed(orders.getLast(), restaurants.getLast());
        double seconds = (System.nanoTime() - publishing) / 1e9;
        System.out.printf(
                "%nIndexed %,d orders, %,d deliveries, %,d restaurants in %.1f s (%,.0f orders/s, publishing included)%n%n",
                orderCount, (orderCount + 4) / 5, restaurantCount, seconds, orderCount / seconds);

        System.out.printf(
                "%-52s %8s %8s %8s%n",
                "endpoint (" + requests + " requests, " + CONCURRENCY + " clients)", "p50 ms", "p99 ms", "max ms");
        measure("GET /orders/{id}", requests, i -> get("/orders/" + pick(orders), Map.of()));
        measure(
                "GET /orders/{id} If-None-Match (304)",
                requests,
                // Orders without a delivery (every one but each fifth) have the ETag "3.0".
                i -> get("/orders/" + orders.get(5 * (i % (orderCount / 5)) + 1), Map.of("If-None-Match", "\"3.0\"")));
        measure(
                "GET /orders/{id}?minVersion=3 (caught up)",
                requests,
                i -> get("/orders/" + pick(orders) + "?minVersion=3", Map.of()));
        measure(
                "GET /customers/me/orders",
                requests,
                i -> get("/customers/me/orders", Map.of("Authorization", customerToken(pick(customers)))));
        measure(
                "GET /customers/me/orders?status=DELIVERED&page=1",
                requests,
                i -> get(
                        "/customers/me/orders?status=DELIVERED&page=1&size=5",
                        Map.of("Authorization", customerToken(pick(customers)))));
        measure(
                "GET /restaurants/{rid}/orders (queue + counts)",
                requests,
                i -> get("/restaurants/" + pick(restaurants) + "/orders", Map.of()));
        measure(
                "GET /couriers/me/deliveries",
                requests,
                i -> get("/couriers/me/deliveries", Map.of("Authorization", courierToken(pick(couriers)))));
        measure("GET /restaurants/{rid}", requests, i -> get("/restaurants/" + pick(restaurants), Map.of()));
        measure(
                "GET /restaurants/search?q=dosa&lat&lon&radiusKm=10",
                requests,
                i -> get("/restaurants/search?q=dosa&lat=12.97&lon=77.59&radiusKm=10", Map.of()));
        measure(
                "GET /restaurants/search?cuisine=Chinese",
                requests,
                i -> get("/restaurants/search?cuisine=Chinese", Map.of()));

        long rebuilding = System.nanoTime();
        HttpResponse<String> started = post("/admin/read-model/rebuild");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Rebuild did not start: " + started.body());
        }
        String report;
        do {
            Thread.sleep(500);
            report = get("/admin/read-model/rebuild", Map.of()).body();
        } while (report.contains("\"RUNNING\""));
        System.out.printf(
                "%nRebuilt every index from the topics in %.1f s: %s%n",
                (System.nanoTime() - rebuilding) / 1e9, report);
    }

    private void awaitIndexed(UUID lastOrder, UUID lastRestaurant) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (get("/orders/" + lastOrder, Map.of()).statusCode() != 200
                || get("/restaurants/" + lastRestaurant, Map.of()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not indexed within 30 minutes");
            }
            Thread.sleep(200);
        }
    }

    /** Runs {@code requests} calls on {@value #CONCURRENCY} clients (after a warm-up) and prints latencies. */
    private void measure(String name, int requests, IntFunction<HttpResponse<String>> call) throws Exception {
        for (int i = 0; i < Math.min(200, requests); i++) {
            call.apply(i);
        }
        List<Long> micros = Collections.synchronizedList(new ArrayList<>(requests));
        List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int request = i;
                done.add(clients.submit(() -> {
                    long started = System.nanoTime();
                    HttpResponse<String> response = call.apply(request);
                    micros.add((System.nanoTime() - started) / 1000);
                    if (response.statusCode() >= 400) {
                        failures.add(response.statusCode());
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf(
                "%-52s %8.1f %8.1f %8.1f%s%n",
                name,
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                sorted.getLast() / 1000.0,
                failures.isEmpty() ? "" : "  (" + failures.size() + " errors, e.g. " + failures.getFirst() + ")");
    }

    /** Tokens are made once per caller: signing is the benchmark client's cost, not the service's. */
    private String customerToken(UUID customer) {
        return tokens.computeIfAbsent("customer:" + customer, key -> TestTokens.customer(customer));
    }

    private String courierToken(UUID courier) {
        return tokens.computeIfAbsent("courier:" + courier, key -> TestTokens.courier(courier));
    }

    /** Reads as an ADMIN (who sees every order and restaurant queue) unless the request names its own caller. */
    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (!headers.containsKey("Authorization")) {
            request.header("Authorization", ADMIN);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        return send(request);
    }

    private HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(KafkaProducer<String, String> producer, String key, Object event) {
        MessageCatalog.Entry entry = MessageCatalog.of(event.getClass());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(entry.topic(), key, JSON.writeValueAsString(event));
        String conversation = UUID.randomUUID().toString();
        // Every header a producer sets: the consumers' MessageReader refuses a message without them.
        Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, entry.type(),
                        MessageHeaders.SCHEMA_VERSION, Integer.toString(entry.schemaVersion()),
                        MessageHeaders.CORRELATION_ID, conversation,
                        MessageHeaders.CAUSATION_ID, conversation,
                        MessageHeaders.OCCURRED_AT, Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    private static RestaurantChanged restaurant(UUID id, int i) {
        String[] cuisines = {"South Indian", "North Indian", "Chinese", "Italian", "Biryani"};
        double lat = 12.90 + (i % 20) * 0.01;
        double lon = 77.50 + (i / 20 % 20) * 0.01;
        return new RestaurantChanged(
                id,
                1,
                "Restaurant " + i,
                cuisines[i % cuisines.length],
                new GeoPoint(lat, lon),
                new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "Asia/Kolkata"),
                List.of(
                        new MenuItem(UUID.randomUUID(), "Masala Dosa", "Rice crepe", new Money(12000, "INR"), true),
                        new MenuItem(UUID.randomUUID(), "Veg Noodles", "Wok tossed", new Money(18000, "INR"), true)),
                Instant.now());
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static UUID pick(List<UUID> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }
}
