package com.fooddelivery.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer places an order over HTTP and reads it back from query-service, across all four running services. */
class PlaceOrderEndToEndIT {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final String COFFEE = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e23";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FoodDeliverySystem system;
    private static Accounts.Account customer;

    @BeforeAll
    static void startSystem() throws Exception {
        system = new FoodDeliverySystem();
        customer = system.accounts.newCustomer();
    }

    @AfterAll
    static void stopSystem() throws Exception {
        system.close();
    }

    @Test
    void a_placed_order_shows_as_pending_with_the_server_computed_total() throws Exception {
        HttpResponse<String> placed = placeOrder(UUID.randomUUID().toString(), 2, COFFEE);

        assertThat(placed.statusCode()).isEqualTo(202);
        String location = placed.headers().firstValue("Location").orElseThrow();
        JsonNode order = awaitReadable(location);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("customerId").asString())
                .as("the customer is the token's subject")
                .isEqualTo(customer.id().toString());
        assertThat(order.at("/total/amountMinor").asLong()).isEqualTo(2 * 12000 + 4500);
        assertThat(order.at("/total/currency").asString()).isEqualTo("INR");
    }

    @Test
    void every_service_says_which_build_it_runs() throws Exception {
        Map<String, ServiceProcess> services = Map.of(
                "order-service", system.orderService,
                "payment-service", system.paymentService,
                "delivery-service", system.deliveryService,
                "query-service", system.queryService);
        for (var service : services.entrySet()) {
            HttpResponse<String> info = HTTP.send(
                    HttpRequest.newBuilder(service.getValue().url("/actuator/info"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(info.statusCode()).as(service.getKey()).isEqualTo(200);
            JsonNode build = JSON.readTree(info.body()).path("build");
            assertThat(build.path("artifact").asString()).isEqualTo(service.getKey());
            assertThat(build.path("version").asString()).isNotBlank();
            assertThat(build.path("time").asString())
                    .as("when the jar was built")
                    .isNotBlank();
        }
    }

    @Test
    void a_malformed_order_leaves_no_trace_in_postgresql_kafka_or_elasticsearch() throws Exception {
        String key = UUID.randomUUID().toString();
        // order-service derives the order id from customer and Idempotency-Key: the id this order would have had.
        String wouldBeOrderId = UUID.nameUUIDFromBytes((customer.id() + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<TopicPartition, Long> endsBefore = endOffsets();

        HttpResponse<String> refused = placeOrder(key, 0, COFFEE);
        HttpResponse<String> unknownItem = placeOrder(key, 1, UUID.randomUUID().toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(unknownItem.statusCode()).isEqualTo(422);
        // A valid order placed afterwards and seen in query-service shows the pipeline has moved past that moment.
        awaitReadable(placeOrder(UUID.randomUUID().toString(), 1, COFFEE)
                .headers()
                .firstValue("Location")
                .orElseThrow());
        assertThat(eventsInOrdersDatabase(wouldBeOrderId)).isZero();
        assertThat(keysPublishedSince(endsBefore)).doesNotContain(wouldBeOrderId);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(system.queryService.url("/orders/" + wouldBeOrderId))
                                        .header(
                                                "Authorization",
                                                system.accounts.admin().authorization())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> placeOrder(String idempotencyKey, int dosas, String otherItem) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "restaurantId",
                RESTAURANT,
                "items",
                List.of(Map.of("itemId", DOSA, "quantity", dosas), Map.of("itemId", otherItem, "quantity", 1)),
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
        return HTTP.send(
                HttpRequest.newBuilder(system.orderService.url("/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", customer.authorization())
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The order as its customer reads it from query-service. */
    private static JsonNode awaitReadable(String location) {
        JsonNode[] order = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(java.net.URI.create(location))
                                    .header("Authorization", customer.authorization())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        return false;
                    }
                    order[0] = JSON.readTree(response.body());
                    return true;
                });
        return order[0];
    }

    private static int eventsInOrdersDatabase(String orderId) throws Exception {
        try (Connection connection = system.ordersDatabase();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from domainevententry where aggregateidentifier = ?")) {
            count.setString(1, orderId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    private static List<String> keysPublishedSince(Map<TopicPartition, Long> start) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records.stream().map(ConsumerRecord::key).collect(Collectors.toList());
        }
    }
}
