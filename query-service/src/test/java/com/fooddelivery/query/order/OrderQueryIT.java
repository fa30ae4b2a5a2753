package com.fooddelivery.query.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.query.shared.kafka.DeadLetters;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** orders.events → Elasticsearch → GET /orders/{id}, on real Kafka and Elasticsearch. */
@ServiceIntegrationTest
class OrderQueryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> "query-it-" + RUN);
        // Only what this test publishes: it starts reading once its partitions are assigned.
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
        registry.add("query.index-prefix", () -> "it-" + RUN + "-");
    }

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    @AfterAll
    static void closeProducerAndDropIndex() throws Exception {
        producer.close();
        QueryServiceTests.deleteIndices("it-" + RUN + "-");
    }

    @LocalServerPort
    int port;

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    @Test
    void a_placed_order_becomes_readable_with_an_etag_that_makes_polling_cheap() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.placed(orderId)));

        HttpResponse<String> response = awaitOrder(orderId, 0);

        JsonNode order = JSON.readTree(response.body());
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.at("/total/amountMinor").asLong()).isEqualTo(24000);
        assertThat(order.at("/items/0/name").asString()).isEqualTo("Masala Dosa");
        assertThat(order.at("/timeline/0/status").asString()).isEqualTo("PENDING");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).as("order sequence 0, no delivery yet").isEqualTo("\"0.0\"");

        HttpResponse<String> poll = get(orderId, etag);
        assertThat(poll.statusCode()).isEqualTo(304);
        assertThat(poll.body()).isEmpty();
    }

    @Test
    void a_stale_or_repeated_event_never_moves_an_order_backwards() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.atSequence(orderId, 2)));
        awaitOrder(orderId, 2);

        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.atSequence(orderId, 1)));
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.atSequence(orderId, 2)));
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.atSequence(orderId, 3)));

        JsonNode order = JSON.readTree(awaitOrder(orderId, 3).body());
        assertThat(order.get("timeline").size()).isEqualTo(4);
    }

    @Test
    void a_status_change_after_the_placement_shows_the_newest_state() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.placed(orderId)));
        publish(orderId, "OrderStatusChanged", JSON.writeValueAsString(OrderEvents.preparing(orderId)));

        assertPreparing(JSON.readTree(awaitOrder(orderId, 2).body()));
    }

    @Test
    void a_placement_arriving_after_a_status_change_does_not_move_the_order_back() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderStatusChanged", JSON.writeValueAsString(OrderEvents.preparing(orderId)));
        RecordMetadata placed = publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.placed(orderId)));

        awaitConsumed(placed);

        assertPreparing(JSON.readTree(awaitOrder(orderId, 2).body()));
    }

    @Test
    void a_courier_assignment_shows_the_courier() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderStatusChanged", JSON.writeValueAsString(OrderEvents.courierAssigned(orderId)));

        JsonNode order = JSON.readTree(awaitOrder(orderId, 3).body());
        assertThat(order.get("status").asString()).isEqualTo("PREPARING");
        assertThat(order.get("courierId").asString())
                .isEqualTo(OrderEvents.COURIER.courierId().toString());
        assertThat(order.get("deliveryId").asString())
                .isEqualTo(OrderEvents.COURIER.deliveryId().toString());
    }

    private static void assertPreparing(JsonNode order) {
        assertThat(order.get("status").asString()).isEqualTo("PREPARING");
        assertThat(Instant.parse(order.get("estimatedReadyAt").asString())).isEqualTo(OrderEvents.READY_AT);
        assertThat(order.get("courierId").isNull()).isTrue();
        assertThat(order.get("timeline").size()).isEqualTo(3);
        assertThat(order.at("/timeline/2/status").asString()).isEqualTo("PREPARING");
    }

    /** Waits until this test's consumer group has committed past {@code record}: the projection has handled it. */
    private static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("query-it-" + RUN)
                                .partitionsToOffsetAndMetadata()
                                .get()
                                .get(partition);
                        return committed != null && committed.offset() > record.offset();
                    });
        }
    }

    @Test
    void an_unprojectable_message_is_parked_and_does_not_block_the_orders_behind_it() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderPlaced", "{not json");
        publish(orderId, "OrderTeleported", "{}");
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.placed(orderId)));

        awaitOrder(orderId, 0);
        List<String> reasons = deadLetterReasonsFor(orderId, 2);
        assertThat(reasons).hasSize(2);
        assertThat(reasons).anyMatch(reason -> reason.contains("OrderTeleported"));
    }

    @Test
    void an_unknown_order_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get(UUID.randomUUID(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void read_your_writes_waits_for_a_just_placed_order_instead_of_answering_404() throws Exception {
        UUID orderId = UUID.randomUUID();
        long asked = System.nanoTime();
        CompletableFuture<HttpResponse<String>> read =
                CompletableFuture.supplyAsync(() -> send("/orders/" + orderId + "?minVersion=0", Map.of()));
        Thread.sleep(700);
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));

        HttpResponse<String> response = read.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("sequence").asLong()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThan(Duration.ofMillis(600));
    }

    @Test
    void a_long_poll_answers_as_soon_as_the_order_changes_and_304_when_nothing_changed() throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));
        String etag = awaitOrder(orderId, 0).headers().firstValue("ETag").orElseThrow();

        long asked = System.nanoTime();
        CompletableFuture<HttpResponse<String>> poll = CompletableFuture.supplyAsync(
                () -> send("/orders/" + orderId + "?waitSeconds=20", Map.of("If-None-Match", etag)));
        Thread.sleep(500);
        QueryServiceTests.publish(orderId.toString(), OrderEvents.preparing(orderId));
        HttpResponse<String> changed = poll.get(25, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - asked);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertPreparing(JSON.readTree(changed.body()));
        assertThat(waited).as("answered on the change, not at the timeout").isLessThan(Duration.ofSeconds(10));

        String newEtag = changed.headers().firstValue("ETag").orElseThrow();
        long again = System.nanoTime();
        HttpResponse<String> unchanged =
                send("/orders/" + orderId + "?waitSeconds=1", Map.of("If-None-Match", newEtag));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void the_order_shows_its_delivery_and_a_stale_delivery_update_changes_nothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID deliveryId = OrderEvents.COURIER.deliveryId();
        UUID courierId = OrderEvents.COURIER.courierId();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.courierAssigned(orderId));
        QueryServiceTests.publish(
                orderId.toString(), DeliveryEvents.updated(deliveryId, orderId, 3, DeliveryStatus.ASSIGNED, courierId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        send("/orders/" + orderId, Map.of()).headers().firstValue("ETag"))
                .hasValue("\"3.3\""));

        awaitConsumed(
                publishEvent(orderId, DeliveryEvents.updated(deliveryId, orderId, 2, DeliveryStatus.OFFERED, null)));
        JsonNode order = JSON.readTree(send("/orders/" + orderId, Map.of()).body());
        assertThat(order.at("/delivery/status").asString()).isEqualTo("ASSIGNED");
        assertThat(order.at("/delivery/courierId").asString()).isEqualTo(courierId.toString());
        assertThat(order.at("/delivery/courierPosition/lat").asDouble()).isEqualTo(12.9717);
        assertThat(Instant.parse(order.at("/delivery/estimatedArrivalAt").asString()))
                .isEqualTo(DeliveryEvents.REQUESTED_AT.plusSeconds(240));
        assertThat(order.get("status").asString())
                .as("order fields stay at the top level")
                .isEqualTo("PREPARING");
    }

    @Test
    void another_customers_order_does_not_exist_for_the_caller() throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));
        awaitOrder(orderId, 0);

        HttpResponse<String> own = send("/orders/" + orderId, Map.of("X-Customer-Id", OrderEvents.CUSTOMER.toString()));
        HttpResponse<String> foreign = send(
                "/orders/" + orderId, Map.of("X-Customer-Id", UUID.randomUUID().toString()));
        HttpResponse<String> otherRestaurant = send(
                "/orders/" + orderId,
                Map.of("X-Restaurant-Id", UUID.randomUUID().toString()));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(otherRestaurant.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void bad_follow_parameters_are_400_problems() throws Exception {
        UUID orderId = UUID.randomUUID();
        assertThat(send("/orders/" + orderId + "?waitSeconds=31", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(send("/orders/" + orderId + "?minVersion=-1", Map.of()).statusCode())
                .isEqualTo(400);
        HttpResponse<String> badHeader = send("/orders/" + orderId, Map.of("X-Customer-Id", "me"));
        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badHeader.body()).at("/errors/0/field").asString())
                .isEqualTo("X-Customer-Id");
    }

    private HttpResponse<String> send(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordMetadata publishEvent(UUID key, Object event) throws Exception {
        MessageCatalog.Entry entry = MessageCatalog.of(event.getClass());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(entry.topic(), key.toString(), JSON.writeValueAsString(event));
        record.headers().add(MessageHeaders.TYPE, entry.type().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return producer.send(record).get();
    }

    private RecordMetadata publish(UUID orderId, String type, String payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_EVENTS, orderId.toString(), payload);
        Map.of(
                        MessageHeaders.MESSAGE_ID,
                        UUID.randomUUID().toString(),
                        MessageHeaders.TYPE,
                        type,
                        MessageHeaders.SCHEMA_VERSION,
                        "1",
                        MessageHeaders.OCCURRED_AT,
                        Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record).get();
    }

    private HttpResponse<String> awaitOrder(UUID orderId, long sequence) {
        List<HttpResponse<String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = get(orderId, null);
                    if (response.statusCode() == 200
                            && JSON.readTree(response.body()).get("sequence").asLong() == sequence) {
                        found.add(response);
                        return true;
                    }
                    return false;
                });
        return found.getFirst();
    }

    private HttpResponse<String> get(UUID orderId, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/" + orderId));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> deadLetterReasonsFor(UUID orderId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        // By message id: another consumer group on the same Kafka (a locally running query-service) parks the same
        // messages too.
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ORDERS_EVENTS + ".DLT"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderId.toString().equals(record.key())) {
                        reasons.putIfAbsent(
                                header(record, MessageHeaders.MESSAGE_ID), header(record, DeadLetters.REASON_HEADER));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return List.copyOf(reasons.values());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
