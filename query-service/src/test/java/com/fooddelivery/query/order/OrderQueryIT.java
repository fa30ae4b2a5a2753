package com.fooddelivery.query.order;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.QueryServiceTests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.fooddelivery.web.Problems;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * orders.events → Elasticsearch → GET /orders/{id}, on real Kafka and Elasticsearch. Every read is the orders'
 * customer's ({@link OrderEvents#CUSTOMER}) unless a test names another caller.
 */
@ServiceIntegrationTest
class OrderQueryIT {

    private static final String RUN = QueryServiceTests.newRun();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        QueryServiceTests.readWithOwnGroupAndIndices(registry, RUN);
    }

    @AfterAll
    static void dropIndices() {
        QueryServiceTests.deleteIndicesOf(RUN);
    }

    @LocalServerPort
    int port;

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        QueryServiceTests.awaitPartitions(listeners);
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
        assertThat(etag).as("order sequence 0, no delivery yet").isEqualTo("W/\"0.0\"");

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

        QueryServiceTests.awaitConsumed(RUN, placed);

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

    @Test
    void the_order_shows_what_was_refunded_and_what_needs_a_person_and_an_older_event_reads_as_nothing_refunded()
            throws Exception {
        UUID orderId = UUID.randomUUID();
        String withoutPayment = JSON.writeValueAsString(OrderEvents.preparing(orderId))
                .replace(",\"payment\":{\"refunded\":{\"amountMinor\":0,\"currency\":\"INR\"},\"attention\":null}", "");
        assertThat(withoutPayment).doesNotContain("\"payment\"");
        publish(orderId, "OrderStatusChanged", withoutPayment);

        JsonNode preparing = JSON.readTree(awaitOrder(orderId, 2).body());
        assertThat(preparing.at("/payment/refunded/amountMinor").asLong()).isZero();
        assertThat(preparing.at("/payment/refunded/currency").asString()).isEqualTo("INR");
        assertThat(preparing.at("/payment/attention").isNull()).isTrue();

        publish(
                orderId,
                "OrderStatusChanged",
                JSON.writeValueAsString(OrderEvents.deliveredWithPayment(orderId, 8, 4500, "CAPTURE_NOT_CONFIRMED")));

        JsonNode delivered = JSON.readTree(awaitOrder(orderId, 8).body());
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/payment/refunded/amountMinor").asLong()).isEqualTo(4500);
        assertThat(delivered.at("/payment/attention").asString()).isEqualTo("CAPTURE_NOT_CONFIRMED");
    }

    private static void assertPreparing(JsonNode order) {
        assertThat(order.get("status").asString()).isEqualTo("PREPARING");
        assertThat(Instant.parse(order.get("estimatedReadyAt").asString())).isEqualTo(OrderEvents.READY_AT);
        assertThat(order.get("courierId").isNull()).isTrue();
        assertThat(order.get("timeline").size()).isEqualTo(3);
        assertThat(order.at("/timeline/2/status").asString()).isEqualTo("PREPARING");
    }

    @Test
    void an_unprojectable_message_is_parked_and_does_not_block_the_orders_behind_it() throws Exception {
        UUID orderId = UUID.randomUUID();
        publish(orderId, "OrderPlaced", "{not json");
        publish(orderId, "OrderTeleported", "{}");
        publish(orderId, "OrderPlaced", JSON.writeValueAsString(OrderEvents.placed(orderId)));

        awaitOrder(orderId, 0);
        List<String> reasons = QueryServiceTests.deadLetterReasons(Topics.ORDERS_EVENTS, orderId.toString(), 2);
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
                .hasValue("W/\"3.3\""));

        QueryServiceTests.awaitConsumed(
                RUN,
                QueryServiceTests.publish(
                        orderId.toString(),
                        DeliveryEvents.updated(deliveryId, orderId, 2, DeliveryStatus.OFFERED, null)));
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
    void a_conditional_read_is_304_only_while_the_order_and_its_delivery_are_unchanged() throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));
        String placed = awaitOrder(orderId, 0).headers().firstValue("ETag").orElseThrow();
        assertThat(get(orderId, placed).statusCode()).isEqualTo(304);

        QueryServiceTests.publish(orderId.toString(), OrderEvents.courierAssigned(orderId));
        HttpResponse<String> assigned = awaitOrder(orderId, 3);
        String orderChanged = assigned.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> afterOrderChange = get(orderId, placed);
        assertThat(afterOrderChange.statusCode()).isEqualTo(200);
        assertThat(afterOrderChange.headers().firstValue("ETag")).hasValue(orderChanged);
        assertThat(JSON.readTree(afterOrderChange.body()).get("status").asString())
                .isEqualTo("PREPARING");

        UUID courierId = OrderEvents.COURIER.courierId();
        QueryServiceTests.awaitConsumed(
                RUN,
                QueryServiceTests.publish(
                        orderId.toString(),
                        DeliveryEvents.updated(
                                OrderEvents.COURIER.deliveryId(), orderId, 5, DeliveryStatus.ASSIGNED, courierId)));
        HttpResponse<String> afterDeliveryChange = get(orderId, orderChanged);
        assertThat(afterDeliveryChange.statusCode())
                .as("the delivery moved, the order did not")
                .isEqualTo(200);
        assertThat(afterDeliveryChange.headers().firstValue("ETag")).hasValue("W/\"3.5\"");
        assertThat(JSON.readTree(afterDeliveryChange.body())
                        .at("/delivery/status")
                        .asString())
                .isEqualTo("ASSIGNED");
        assertThat(get(orderId, "W/\"3.5\"").statusCode()).isEqualTo(304);
        assertThat(get(orderId, "\"3.5\"").statusCode())
                .as("compared weakly: the tag without W/ names the same version")
                .isEqualTo(304);
        long asked = System.nanoTime();
        HttpResponse<String> waited =
                send("/orders/" + orderId + "?waitSeconds=1", Map.of("If-None-Match", "\"1.1\", \"3.5\""));
        assertThat(waited.statusCode()).isEqualTo(304);
        assertThat(Duration.ofNanos(System.nanoTime() - asked))
                .as("a long-poll finds its version among the tags it is given, and waits")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void a_conditional_read_of_another_customers_order_is_a_404_even_with_the_right_etag() throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));
        String etag = awaitOrder(orderId, 0).headers().firstValue("ETag").orElseThrow();

        Map<String, String> foreignCustomer = new HashMap<>(authorization(TestTokens.customer(UUID.randomUUID())));
        foreignCustomer.put("If-None-Match", etag);
        HttpResponse<String> conditional = send("/orders/" + orderId, foreignCustomer);
        HttpResponse<String> waiting = send("/orders/" + orderId + "?waitSeconds=1", foreignCustomer);

        assertThat(conditional.statusCode()).isEqualTo(404);
        assertThat(waiting.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(conditional.body()).get("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "order-not-found");
    }

    @Test
    void another_customers_order_does_not_exist_for_the_caller() throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));
        awaitOrder(orderId, 0);

        HttpResponse<String> own = send("/orders/" + orderId, authorization(TestTokens.customer(OrderEvents.CUSTOMER)));
        HttpResponse<String> foreign =
                send("/orders/" + orderId, authorization(TestTokens.customer(UUID.randomUUID())));
        HttpResponse<String> otherRestaurant =
                send("/orders/" + orderId, authorization(TestTokens.restaurant(UUID.randomUUID())));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(otherRestaurant.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(foreign.body()).get("type").asString())
                .as("the same answer as for an order that does not exist")
                .isEqualTo(Problems.TYPE_BASE + "order-not-found");
    }

    @Test
    void bad_follow_parameters_are_400_problems_and_a_malformed_token_a_401() throws Exception {
        UUID orderId = UUID.randomUUID();
        assertThat(send("/orders/" + orderId + "?waitSeconds=31", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(send("/orders/" + orderId + "?minVersion=-1", Map.of()).statusCode())
                .isEqualTo(400);
        HttpResponse<String> badToken = send("/orders/" + orderId, authorization("Bearer me"));
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(badToken.body()).get("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "invalid-token");
    }

    /** A read as the orders' customer, unless {@code headers} name another caller. */
    private HttpResponse<String> send(String pathAndQuery, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(authorization(TestTokens.customer(OrderEvents.CUSTOMER)));
        all.putAll(headers);
        return QueryServiceTests.get(port, pathAndQuery, all);
    }

    private static RecordMetadata publish(UUID orderId, String type, String payload) throws Exception {
        return QueryServiceTests.publish(Topics.ORDERS_EVENTS, orderId.toString(), type, payload);
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

    private HttpResponse<String> get(UUID orderId, String ifNoneMatch) {
        return send("/orders/" + orderId, ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }
}
