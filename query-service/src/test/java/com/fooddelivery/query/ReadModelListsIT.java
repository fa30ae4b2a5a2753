package com.fooddelivery.query;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.QueryServiceTests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.fooddelivery.web.Problems;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The customer's, the restaurant's and the courier's lists, projected from real Kafka into real Elasticsearch. */
@ServiceIntegrationTest
class ReadModelListsIT {

    private static final String RUN = QueryServiceTests.newRun();
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

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
    void a_customer_pages_through_their_own_orders_newest_first_and_filters_by_status() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<OrderStatus> statuses = List.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.PREPARING);
        for (int i = 0; i < orders.size(); i++) {
            publishOrder(orders.get(i), customer, restaurant, T0.plusSeconds(600L * i), statuses.get(i));
        }
        publishOrder(UUID.randomUUID(), UUID.randomUUID(), restaurant, T0, OrderStatus.PREPARING);

        JsonNode all = awaitJson(
                "/customers/me/orders",
                asCustomer(customer),
                page -> page.get("totalOrders").asLong() == 3);
        assertThat(ids(all.get("orders"))).containsExactly(ids(orders.reversed()));

        JsonNode second = json("/customers/me/orders?size=2&page=1", asCustomer(customer));
        assertThat(ids(second.get("orders"))).containsExactly(orders.getFirst().toString());
        assertThat(second.get("totalOrders").asLong()).isEqualTo(3);

        JsonNode ended = json("/customers/me/orders?status=DELIVERED&status=CANCELLED", asCustomer(customer));
        assertThat(ids(ended.get("orders")))
                .containsExactly(orders.get(1).toString(), orders.get(0).toString());
    }

    @Test
    void the_customer_list_needs_a_signed_in_customer_and_sane_paging() throws Exception {
        HttpResponse<String> anonymous = get("/customers/me/orders", Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");
        assertThat(JSON.readTree(anonymous.body()).get("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "unauthenticated");

        Map<String, String> customer = asCustomer(UUID.randomUUID());
        assertThat(get("/customers/me/orders?size=51", customer).statusCode()).isEqualTo(400);
        assertThat(get("/customers/me/orders?page=-1", customer).statusCode()).isEqualTo(400);
        assertThat(get("/customers/me/orders?status=LOST", customer).statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_restaurant_queue_is_oldest_first_with_counts_for_every_status() throws Exception {
        UUID restaurant = UUID.randomUUID();
        UUID awaiting = UUID.randomUUID();
        UUID preparing = UUID.randomUUID();
        UUID ready = UUID.randomUUID();
        publishOrder(awaiting, UUID.randomUUID(), restaurant, T0.plusSeconds(60), OrderStatus.AWAITING_RESTAURANT);
        publishOrder(preparing, UUID.randomUUID(), restaurant, T0, OrderStatus.PREPARING);
        publishOrder(ready, UUID.randomUUID(), restaurant, T0.plusSeconds(120), OrderStatus.READY_FOR_PICKUP);
        publishOrder(UUID.randomUUID(), UUID.randomUUID(), restaurant, T0.plusSeconds(180), OrderStatus.DELIVERED);
        publishOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), T0, OrderStatus.PREPARING);

        String queue = "/restaurants/" + restaurant + "/orders";
        Map<String, String> staff = authorization(TestTokens.restaurant(restaurant));
        JsonNode kitchen = awaitJson(
                queue,
                staff,
                page -> page.at("/countsByStatus/DELIVERED").asLong() == 1
                        && page.get("orders").size() == 3);
        assertThat(ids(kitchen.get("orders")))
                .containsExactly(preparing.toString(), awaiting.toString(), ready.toString());
        assertThat(kitchen.at("/countsByStatus/AWAITING_RESTAURANT").asLong()).isEqualTo(1);
        assertThat(kitchen.at("/countsByStatus/PREPARING").asLong()).isEqualTo(1);
        assertThat(kitchen.at("/countsByStatus/PENDING").asLong()).isZero();

        JsonNode delivered = json(queue + "?status=DELIVERED", staff);
        assertThat(delivered.get("orders").size()).isEqualTo(1);
        assertThat(delivered.at("/countsByStatus/PREPARING").asLong())
                .as("counts ignore the filter")
                .isEqualTo(1);

        HttpResponse<String> otherStaff = get(queue, authorization(TestTokens.restaurant(UUID.randomUUID())));
        assertThat(otherStaff.statusCode()).as("another restaurant's staff").isEqualTo(403);
        assertThat(JSON.readTree(otherStaff.body()).get("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "not-your-restaurant");
    }

    @Test
    void a_courier_sees_the_job_under_way_and_finished_ones_but_not_offers_or_other_couriers_jobs() throws Exception {
        UUID courier = UUID.randomUUID();
        UUID underWay = UUID.randomUUID();
        UUID finished = UUID.randomUUID();
        publishDelivery(underWay, 4, DeliveryStatus.PICKED_UP, courier);
        publishDelivery(finished, 5, DeliveryStatus.DELIVERED, courier);
        publishDelivery(UUID.randomUUID(), 2, DeliveryStatus.OFFERED, null);
        publishDelivery(UUID.randomUUID(), 3, DeliveryStatus.ASSIGNED, UUID.randomUUID());

        Map<String, String> me = authorization(TestTokens.courier(courier));
        JsonNode jobs = awaitJson(
                "/couriers/me/deliveries",
                me,
                page -> page.get("active").size() + page.get("recent").size() == 2);
        assertThat(jobs.at("/active/0/orderId").asString()).isEqualTo(underWay.toString());
        assertThat(jobs.at("/active/0/status").asString()).isEqualTo("PICKED_UP");
        assertThat(jobs.at("/active/0/dropoff/line1").asString()).isEqualTo("12 MG Road");
        assertThat(jobs.at("/recent/0/orderId").asString()).isEqualTo(finished.toString());

        assertThat(get("/couriers/me/deliveries", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/couriers/me/deliveries", authorization(TestTokens.courier(UUID.randomUUID())))
                        .body())
                .as("another courier's jobs")
                .doesNotContain(underWay.toString(), finished.toString());
    }

    private static void publishOrder(UUID orderId, UUID customer, UUID restaurant, Instant placedAt, OrderStatus status)
            throws Exception {
        QueryServiceTests.publish(
                orderId.toString(), OrderEvents.inStatus(orderId, customer, restaurant, placedAt, status, 3));
    }

    private static void publishDelivery(UUID orderId, long sequence, DeliveryStatus status, UUID courier)
            throws Exception {
        QueryServiceTests.publish(
                orderId.toString(), DeliveryEvents.updated(UUID.randomUUID(), orderId, sequence, status, courier));
    }

    private static Map<String, String> asCustomer(UUID customer) {
        return authorization(TestTokens.customer(customer));
    }

    private static String[] ids(List<UUID> orders) {
        return orders.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static List<String> ids(JsonNode orders) {
        List<String> ids = new ArrayList<>();
        orders.forEach(order -> ids.add(order.get("orderId").asString()));
        return ids;
    }

    private JsonNode awaitJson(String path, Map<String, String> headers, java.util.function.Predicate<JsonNode> done) {
        List<JsonNode> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode page = json(path, headers);
                    last.addFirst(page);
                    return done.test(page);
                });
        return last.getFirst();
    }

    private JsonNode json(String path, Map<String, String> headers) throws Exception {
        HttpResponse<String> response = get(path, headers);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        return QueryServiceTests.get(port, path, headers);
    }
}
