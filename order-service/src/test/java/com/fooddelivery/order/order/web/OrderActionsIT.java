package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment reply from Kafka moves the order to the restaurant; the restaurant and the customer act over HTTP, only
 * from the right state, and the saga reacts through the outbox.
 */
@ServiceIntegrationTest
class OrderActionsIT {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String STAFF = TestTokens.restaurant(UUID.fromString(RESTAURANT));
    private static final String OTHER_RESTAURANT = "1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_restaurant_accepts_an_authorized_order_once_and_the_saga_requests_a_courier() throws Exception {
        UUID customer = UUID.randomUUID();
        String orderId = placeOrder(customer);
        PaymentReplies.authorized(orderId);
        awaitLastEvent(orderId, "PaymentAuthorizedForOrder");

        assertThat(post(
                                "/restaurants/" + OTHER_RESTAURANT + "/orders/" + orderId + "/accept",
                                "{\"prepTimeMinutes\":20}",
                                TestTokens.restaurant(UUID.fromString(OTHER_RESTAURANT)))
                        .statusCode())
                .as("another restaurant's order")
                .isEqualTo(404);
        assertThat(post(
                                "/restaurants/" + RESTAURANT + "/orders/" + orderId + "/accept",
                                "{\"prepTimeMinutes\":20}",
                                TestTokens.restaurant(UUID.fromString(OTHER_RESTAURANT)))
                        .statusCode())
                .as("staff of another restaurant naming this one")
                .isEqualTo(403);
        HttpResponse<String> invalid =
                post("/restaurants/" + RESTAURANT + "/orders/" + orderId + "/accept", "{\"prepTimeMinutes\":0}", STAFF);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).at("/errors/0/field").asString())
                .isEqualTo("prepTimeMinutes");

        HttpResponse<String> accepted = post(
                "/restaurants/" + RESTAURANT + "/orders/" + orderId + "/accept", "{\"prepTimeMinutes\":20}", STAFF);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("status").asString()).isEqualTo("PREPARING");

        HttpResponse<String> again = post(
                "/restaurants/" + RESTAURANT + "/orders/" + orderId + "/accept", "{\"prepTimeMinutes\":20}", STAFF);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(again.body());
        assertThat(conflict.get("currentStatus").asString()).isEqualTo("PREPARING");
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(post("/orders/" + orderId + "/cancel", "", TestTokens.customer(customer))
                        .statusCode())
                .as("cancelling once the restaurant prepares")
                .isEqualTo(409);
        assertThat(typesSentTo(Topics.DELIVERIES_COMMANDS, orderId, 1)).containsExactly("RequestCourier");
    }

    @Test
    void the_customer_cancels_a_pending_order_and_the_saga_voids_the_payment() throws Exception {
        UUID customer = UUID.randomUUID();
        String orderId = placeOrder(customer);

        assertThat(post("/orders/" + orderId + "/cancel", "", TestTokens.customer(UUID.randomUUID()))
                        .statusCode())
                .as("another customer's order")
                .isEqualTo(404);
        HttpResponse<String> cancelled = post("/orders/" + orderId + "/cancel", "", TestTokens.customer(customer));

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(typesSentTo(Topics.PAYMENTS_COMMANDS, orderId, 2))
                .containsExactly("AuthorizePayment", "VoidPayment");
    }

    @Test
    void an_unknown_order_is_a_404_problem() throws Exception {
        HttpResponse<String> response =
                post("/restaurants/" + RESTAURANT + "/orders/" + UUID.randomUUID() + "/ready", "", STAFF);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private String placeOrder(UUID customer) throws Exception {
        String body = OrderBodies.oneDosa();
        HttpResponse<String> response = post("/orders", body, TestTokens.customer(customer));
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    private void awaitLastEvent(String orderId, String eventName) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                        "select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber",
                        String.class,
                        orderId)
                .getLast()
                .endsWith(eventName));
    }

    private static List<String> typesSentTo(String topic, String orderId, int expected) {
        return KafkaProbe.awaitTypes(topic, orderId, expected);
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
