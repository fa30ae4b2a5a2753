package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer placing orders faster than the per-client limit: the order over the limit is refused and not placed. */
@ServiceIntegrationTest
class RateLimitedOrderIntakeIT {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final int BURST = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** Three requests per client in a window of three seconds. */
    @DynamicPropertySource
    static void lowLimit(DynamicPropertyRegistry registry) {
        registry.add("web.rate-limit.requests-per-second", () -> 1);
        registry.add("web.rate-limit.burst", () -> BURST);
    }

    @Test
    void refuses_an_order_over_the_customers_limit_with_429_and_places_nothing() throws Exception {
        // Warms the service up with another customer, so the window below is not spent on the first request's JIT.
        assertThat(post(UUID.randomUUID(), UUID.randomUUID().toString()).statusCode())
                .isEqualTo(202);
        UUID customer = UUID.randomUUID();
        for (int i = 0; i < BURST; i++) {
            String key = UUID.randomUUID().toString();
            assertThat(post(customer, key).statusCode()).isEqualTo(202);
            assertThat(eventsOf(orderIdFor(customer, key))).isPositive();
        }
        String key = UUID.randomUUID().toString();

        HttpResponse<String> refused = post(customer, key);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/too-many-requests");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(problem.get("instance").asString()).isEqualTo("/orders");
        assertThat(eventsOf(orderIdFor(customer, key))).isZero();
        assertThat(post(UUID.randomUUID(), UUID.randomUUID().toString()).statusCode())
                .as("another customer is not limited")
                .isEqualTo(202);
        assertThat(get("/actuator/health", customer).statusCode())
                .as("the actuator is never limited")
                .isNotEqualTo(429);
    }

    /** The id order-service gives an order placed with an Idempotency-Key (see OrderIntake). */
    private static String orderIdFor(UUID customer, String key) {
        return UUID.nameUUIDFromBytes((customer + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private int eventsOf(String orderId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, orderId);
    }

    private HttpResponse<String> post(UUID customer, String idempotencyKey) throws Exception {
        String order = JSON.writeValueAsString(Map.of(
                "restaurantId",
                RESTAURANT,
                "items",
                List.of(Map.of("itemId", DOSA, "quantity", 1)),
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.customer(customer))
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(order))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, UUID customer) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", TestTokens.customer(customer))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
