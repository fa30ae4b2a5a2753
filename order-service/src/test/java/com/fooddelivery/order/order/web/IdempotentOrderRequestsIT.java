package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key on order-service's state-changing requests (the shared {@code infra/idempotency} filter in front of
 * OrderIntake's key-derived order id), on real PostgreSQL.
 */
@ServiceIntegrationTest
class IdempotentOrderRequestsIT {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final String COFFEE = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e23";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_retried_order_gets_the_identical_response_marked_as_replayed_and_one_order_exists() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/orders", customer, key, order(DOSA, 2));
        HttpResponse<String> retry = post("/orders", customer, key, order(DOSA, 2));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(eventsOf(orderId(first))).isOne();
    }

    @Test
    void the_same_key_with_another_body_is_a_422_and_places_nothing() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/orders", customer, key, order(DOSA, 1));
        int eventsBefore = allEvents();

        HttpResponse<String> reused = post("/orders", customer, key, order(COFFEE, 3));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(reused.body()).get("type").asString())
                .isEqualTo("https://fooddelivery.example/problems/idempotency-key-reused");
        assertThat(allEvents()).isEqualTo(eventsBefore);
        assertThat(eventsOf(orderId(first))).isOne();
    }

    @Test
    void concurrent_orders_with_the_same_key_place_exactly_one_order() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = order(DOSA, 1);
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> post("/orders", customer, key, body));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResponse<String>> response : pool.invokeAll(requests)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(202, 409));
        List<String> orderIds = responses.stream()
                .filter(r -> r.statusCode() == 202)
                .map(IdempotentOrderRequestsIT::orderId)
                .distinct()
                .toList();
        assertThat(orderIds).hasSize(1);
        assertThat(eventsOf(orderIds.getFirst())).isOne();
        assertThat(jdbc.queryForObject(
                        "select state from idempotency_key where idempotency_key = ?", String.class, key))
                .isEqualTo("COMPLETED");
    }

    @Test
    void a_refused_order_is_not_stored_so_the_corrected_retry_with_the_same_key_is_placed() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String unknownRestaurant = order(DOSA, 1).replace(RESTAURANT, "00000000-0000-0000-0000-000000000001");

        HttpResponse<String> refused = post("/orders", customer, key, unknownRestaurant);
        int keysAfterRefusal = jdbc.queryForObject(
                "select count(*) from idempotency_key where idempotency_key = ?", Integer.class, key);
        HttpResponse<String> corrected = post("/orders", customer, key, order(DOSA, 1));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(keysAfterRefusal).isZero();
        assertThat(corrected.statusCode()).isEqualTo(202);
        assertThat(corrected.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(eventsOf(orderId(corrected))).isOne();
    }

    /**
     * The response of the first attempt was lost (the instance died after the order committed), so the key is still
     * IN_PROGRESS when a retry takes it over: OrderIntake's key-derived order id still answers with the same order.
     */
    @Test
    void a_retry_taking_over_a_lost_response_still_places_no_second_order() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/orders", customer, key, order(DOSA, 1));
        jdbc.update(
                "update idempotency_key set state = 'IN_PROGRESS', response_status = null, response_body = null,"
                        + " completed_at = null, claimed_at = now() - interval '10 minutes' where idempotency_key = ?",
                key);

        HttpResponse<String> retry = post("/orders", customer, key, order(DOSA, 1));

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(orderId(retry)).isEqualTo(orderId(first));
        assertThat(eventsOf(orderId(first))).isOne();
    }

    @Test
    void a_retried_cancel_is_replayed_instead_of_answered_with_a_conflict() throws Exception {
        UUID customer = UUID.randomUUID();
        String orderId = orderId(post("/orders", customer, UUID.randomUUID().toString(), order(DOSA, 1)));
        String key = UUID.randomUUID().toString();

        HttpResponse<String> cancelled = post("/orders/" + orderId + "/cancel", customer, key, "");
        HttpResponse<String> retry = post("/orders/" + orderId + "/cancel", customer, key, "");
        HttpResponse<String> withoutKey = post("/orders/" + orderId + "/cancel", customer, null, "");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(cancelled.body());
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(withoutKey.statusCode()).as("the same cancel without a key").isEqualTo(409);
    }

    @Test
    void a_key_with_a_control_character_is_a_400_problem_naming_the_header() throws Exception {
        int eventsBefore = allEvents();

        HttpResponse<String> response = post("/orders", UUID.randomUUID(), "key\twith-a-tab", order(DOSA, 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(allEvents()).isEqualTo(eventsBefore);
    }

    private int allEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Integer.class);
    }

    private int eventsOf(String orderId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, orderId);
    }

    private static String orderId(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    private static String order(String item, int quantity) {
        return JSON.writeValueAsString(Map.of(
                "restaurantId",
                RESTAURANT,
                "items",
                List.of(Map.of("itemId", item, "quantity", quantity)),
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
    }

    private HttpResponse<String> post(String path, UUID customer, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.customer(customer))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
