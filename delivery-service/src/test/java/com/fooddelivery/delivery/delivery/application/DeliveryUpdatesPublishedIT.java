package com.fooddelivery.delivery.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of a delivery, and position reports of its courier no closer together than
 * {@code delivery.tracking.min-interval}, reach {@code deliveries.events} as DeliveryUpdated with the complete state
 * and a sequence counting from 1, keyed by the order id, beside the unchanged replies for the saga. Real PostgreSQL
 * (outbox, Debezium relay) and Kafka.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "delivery.offer-timeout=3s",
            "delivery.sweep-interval=200ms",
            "delivery.tracking.min-interval=" + DeliveryUpdatesPublishedIT.MIN_INTERVAL_MILLIS + "ms",
            "delivery.tracking.average-speed-kmh=20"
        })
class DeliveryUpdatesPublishedIT {

    static final long MIN_INTERVAL_MILLIS = 2000;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UPDATED = "DeliveryUpdated";
    /** MG Road, Bengaluru. */
    private static final GeoPoint RESTAURANT = new GeoPoint(12.9750, 77.6060);

    private static final GeoPoint CUSTOMER = new GeoPoint(12.9680, 77.6000);

    private static final JsonSchema SCHEMA = schemaOf(UPDATED);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void onlyThisTestsCouriersAndDeliveries() {
        // Earlier tests' couriers and unfinished deliveries must not meet this test's.
        jdbc.update("update courier set online = false");
        jdbc.update("update offer set status = 'WITHDRAWN' where status = 'OPEN'");
        jdbc.update("update delivery set status = 'CANCELLED' where status in ('WAITING', 'OFFERED')");
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty()));
    }

    @Test
    void a_whole_delivery_publishes_each_change_and_each_spaced_position_report_with_sequences_from_1()
            throws Exception {
        GeoPoint onlineAt = northOfRestaurant(1.0);
        UUID courier = goOnline(onlineAt);
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        String deliveryId = awaitOffer(courier);

        post("/deliveries/" + deliveryId + "/accept", courier);
        pastMinInterval();
        GeoPoint onTheWay = northOfRestaurant(0.4);
        reportLocation(courier, onTheWay);
        post("/deliveries/" + deliveryId + "/pickup", courier);
        pastMinInterval();
        GeoPoint nearTheCustomer = new GeoPoint(CUSTOMER.lat() + 0.3 / 111.195, CUSTOMER.lon());
        assertThat(put(
                                "/couriers/me/availability",
                                courier,
                                "{\"online\":false,\"lat\":%s,\"lon\":%s}"
                                        .formatted(nearTheCustomer.lat(), nearTheCustomer.lon()))
                        .statusCode())
                .isEqualTo(200);
        post("/deliveries/" + deliveryId + "/deliver", courier);

        List<ConsumerRecord<String, String>> records = awaitRecords(orderId, 7 + 3);
        assertThat(typesOf(records))
                .filteredOn(type -> !type.equals(UPDATED))
                .as("the saga's replies, unchanged")
                .containsExactly("CourierAssigned", "DeliveryPickedUp", "DeliveryDelivered");
        List<JsonNode> updates = updatesIn(records);
        assertThat(updates)
                .extracting(update -> update.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(updates)
                .extracting(update -> update.get("status").asString())
                .containsExactly("WAITING", "OFFERED", "ASSIGNED", "ASSIGNED", "PICKED_UP", "PICKED_UP", "DELIVERED");
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.get("deliveryId").asString()).isEqualTo(deliveryId);
            assertThat(update.get("orderId").asString()).isEqualTo(orderId.toString());
            assertThat(update.get("restaurantName").asString()).isEqualTo("Saravana Bhavan");
            assertThat(update.at("/dropoff/line1").asString()).isEqualTo("12 Residency Road");
            assertThat(update.at("/pickup/lat").asDouble()).isEqualTo(RESTAURANT.lat());
        });
        assertThat(updates.subList(0, 2)).allSatisfy(update -> {
            assertThat(update.get("courierId").isNull()).isTrue();
            assertThat(update.get("courierPosition").isNull()).isTrue();
            assertThat(update.get("estimatedArrivalAt").isNull()).isTrue();
        });
        assertThat(updates.subList(2, 7))
                .extracting(update -> update.get("courierId").asString())
                .containsOnly(courier.toString());

        // Accepted: the courier's last known position (their availability call), courier → restaurant → customer.
        JsonNode assigned = updates.get(2);
        assertThat(positionOf(assigned)).isEqualTo(onlineAt);
        assertArrivalIn(assigned, onlineAt.distanceKmTo(RESTAURANT) + RESTAURANT.distanceKmTo(CUSTOMER));

        // The location report: its position, reported now, a fresh estimate.
        JsonNode reported = updates.get(3);
        assertThat(positionOf(reported)).isEqualTo(onTheWay);
        assertThat(instant(reported, "courierPositionAt")).isEqualTo(instant(reported, "updatedAt"));
        assertThat(instant(reported, "updatedAt")).isAfter(instant(assigned, "updatedAt"));
        assertArrivalIn(reported, onTheWay.distanceKmTo(RESTAURANT) + RESTAURANT.distanceKmTo(CUSTOMER));

        // Picked up: straight to the customer from the last reported position.
        JsonNode pickedUp = updates.get(4);
        assertThat(positionOf(pickedUp)).isEqualTo(onTheWay);
        assertArrivalIn(pickedUp, onTheWay.distanceKmTo(CUSTOMER));

        // An availability call carries a position too (going offline keeps the delivery).
        JsonNode availability = updates.get(5);
        assertThat(positionOf(availability)).isEqualTo(nearTheCustomer);
        assertArrivalIn(availability, nearTheCustomer.distanceKmTo(CUSTOMER));

        JsonNode delivered = updates.get(6);
        assertThat(positionOf(delivered)).isEqualTo(nearTheCustomer);
        assertThat(delivered.get("estimatedArrivalAt").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select sequence from delivery where order_id = ?", Long.class, orderId))
                .isEqualTo(7);
    }

    @Test
    void a_second_position_report_within_the_minimum_interval_publishes_nothing_but_moves_the_courier()
            throws Exception {
        UUID courier = goOnline(northOfRestaurant(1.0));
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        String deliveryId = awaitOffer(courier);
        post("/deliveries/" + deliveryId + "/accept", courier);
        pastMinInterval();
        GeoPoint first = northOfRestaurant(0.8);
        GeoPoint second = northOfRestaurant(0.7);

        reportLocation(courier, first);
        reportLocation(courier, second);
        post("/deliveries/" + deliveryId + "/pickup", courier);

        List<JsonNode> updates = updatesIn(awaitRecords(orderId, 5 + 2));
        assertThat(updates)
                .extracting(update -> update.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(updates)
                .extracting(update -> update.get("status").asString())
                .containsExactly("WAITING", "OFFERED", "ASSIGNED", "ASSIGNED", "PICKED_UP");
        assertThat(positionOf(updates.get(3))).isEqualTo(first);
        // The skipped report is not lost: the courier's record has it, and the next change carries it.
        assertThat(jdbc.queryForMap("select lat, lon from courier where id = ?", courier))
                .containsEntry("lat", second.lat())
                .containsEntry("lon", second.lon());
        assertThat(positionOf(updates.get(4))).isEqualTo(second);
    }

    @Test
    void a_declined_and_an_expired_offer_each_publish_waiting_again() throws Exception {
        UUID near = goOnline(northOfRestaurant(0.5));
        UUID far = goOnline(northOfRestaurant(2.0));
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        String deliveryId = awaitOffer(near);

        assertThat(post("/deliveries/" + deliveryId + "/decline", near).statusCode())
                .isEqualTo(204);
        awaitOffer(far);
        // far lets the offer expire (3 s in this test); nobody is left to ask.

        List<JsonNode> updates = updatesIn(awaitRecords(orderId, 5));
        assertThat(updates)
                .extracting(update -> update.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(updates)
                .extracting(update -> update.get("status").asString())
                .containsExactly("WAITING", "OFFERED", "WAITING", "OFFERED", "WAITING");
        assertThat(updates)
                .allSatisfy(
                        update -> assertThat(update.get("courierId").isNull()).isTrue());
        assertThat(instant(updates.get(4), "updatedAt"))
                .isAfterOrEqualTo(instant(updates.get(3), "updatedAt").plusSeconds(3));
    }

    @Test
    void cancelling_an_assigned_delivery_publishes_cancelled() throws Exception {
        UUID courier = goOnline(northOfRestaurant(1.0));
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        String deliveryId = awaitOffer(courier);
        post("/deliveries/" + deliveryId + "/accept", courier);

        send(orderId, new CancelCourierRequest(orderId));

        List<ConsumerRecord<String, String>> records = awaitRecords(orderId, 4 + 2);
        assertThat(typesOf(records)).contains("CourierAssigned", "CourierRequestCancelled");
        List<JsonNode> updates = updatesIn(records);
        assertThat(updates)
                .extracting(update -> update.get("status").asString())
                .containsExactly("WAITING", "OFFERED", "ASSIGNED", "CANCELLED");
        JsonNode cancelled = updates.getLast();
        assertThat(cancelled.get("sequence").asLong()).isEqualTo(4);
        assertThat(cancelled.get("courierId").asString()).isEqualTo(courier.toString());
        assertThat(cancelled.get("estimatedArrivalAt").isNull()).isTrue();
    }

    // --- what was published

    private static List<ConsumerRecord<String, String>> awaitRecords(UUID orderId, int expected) {
        return KafkaProbe.awaitRecords(Topics.DELIVERIES_EVENTS, orderId.toString(), expected);
    }

    private static List<String> typesOf(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record -> KafkaProbe.header(record, MessageHeaders.TYPE))
                .toList();
    }

    /** The DeliveryUpdated among the records, each checked against the contract's JSON Schema. */
    private static List<JsonNode> updatesIn(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> updates = records.stream()
                .filter(record -> UPDATED.equals(KafkaProbe.header(record, MessageHeaders.TYPE)))
                .toList();
        assertThat(updates).allSatisfy(record -> assertThat(SCHEMA.validate(record.value(), InputFormat.JSON))
                .as(record.value())
                .isEmpty());
        return updates.stream().map(record -> JSON.readTree(record.value())).toList();
    }

    private static JsonSchema schemaOf(String type) {
        String resource = MessageCatalog.byType(type).orElseThrow().schemaResource();
        try (InputStream in = DeliveryUpdatesPublishedIT.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        } catch (IOException e) {
            throw new IllegalStateException("No schema " + resource, e);
        }
    }

    private static GeoPoint positionOf(JsonNode update) {
        return new GeoPoint(
                update.at("/courierPosition/lat").asDouble(),
                update.at("/courierPosition/lon").asDouble());
    }

    private static Instant instant(JsonNode update, String field) {
        return Instant.parse(update.get(field).asString());
    }

    /** The estimate is the update's time plus {@code km} at 20 km/h. */
    private static void assertArrivalIn(JsonNode update, double km) {
        Instant expected = instant(update, "updatedAt").plusMillis(Math.round(km / 20 * 3_600_000));
        assertThat(instant(update, "estimatedArrivalAt")).isCloseTo(expected, within(1, ChronoUnit.SECONDS));
    }

    // --- the courier app over HTTP

    private static GeoPoint northOfRestaurant(double km) {
        return new GeoPoint(RESTAURANT.lat() + km / 111.195, RESTAURANT.lon());
    }

    private static void pastMinInterval() throws InterruptedException {
        Thread.sleep(MIN_INTERVAL_MILLIS + 300);
    }

    private UUID goOnline(GeoPoint at) throws Exception {
        UUID courier = UUID.randomUUID();
        HttpResponse<String> online = put(
                "/couriers/me/availability",
                courier,
                "{\"online\":true,\"lat\":%s,\"lon\":%s}".formatted(at.lat(), at.lon()));
        assertThat(online.statusCode()).isEqualTo(200);
        return courier;
    }

    private void reportLocation(UUID courier, GeoPoint at) throws Exception {
        HttpResponse<String> moved =
                put("/couriers/me/location", courier, "{\"lat\":%s,\"lon\":%s}".formatted(at.lat(), at.lon()));
        assertThat(moved.statusCode()).isEqualTo(200);
    }

    /** @return the offered delivery's id */
    private String awaitOffer(UUID courier) throws Exception {
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = HTTP.send(
                            request("/couriers/me/offer", courier).GET().build(), HttpResponse.BodyHandlers.ofString());
                    return last[0].statusCode() == 200;
                });
        return JSON.readTree(last[0].body()).get("deliveryId").asString();
    }

    private HttpResponse<String> post(String path, UUID courier) throws Exception {
        HttpResponse<String> response = HTTP.send(
                request(path, courier).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return response;
    }

    private HttpResponse<String> put(String path, UUID courier, String json) throws Exception {
        return HTTP.send(
                request(path, courier)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, UUID courier) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.courier(courier));
    }

    // --- the saga's commands over Kafka

    private static void requestCourier(UUID orderId) throws Exception {
        send(
                orderId,
                new RequestCourier(
                        orderId,
                        UUID.randomUUID(),
                        "Saravana Bhavan",
                        new com.fooddelivery.contracts.common.GeoPoint(RESTAURANT.lat(), RESTAURANT.lon()),
                        new DeliveryAddress("12 Residency Road", "Bengaluru", CUSTOMER.lat(), CUSTOMER.lon())));
    }

    /** Publishes as the order-service saga would: keyed by orderId, with every header of MessageHeaders. */
    private static void send(UUID orderId, Object message) throws Exception {
        MessageCatalog.Entry entry = MessageCatalog.of(message.getClass());
        KafkaProbe.publish(
                entry.topic(),
                orderId.toString(),
                JSON.writeValueAsString(message),
                Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, entry.type(),
                        MessageHeaders.SCHEMA_VERSION, Integer.toString(entry.schemaVersion()),
                        MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TRACEPARENT,
                                "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01",
                        MessageHeaders.OCCURRED_AT, Instant.now().toString()));
    }
}
