package com.fooddelivery.order.order.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga live on real PostgreSQL and Kafka: an order asks payment-service for authorization through the outbox;
 * when no answer comes, the persisted payment deadline fires, the order is rejected and the payment voided.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "order.timeouts.payment=2s")
class PaymentTimeoutIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineManager deadlines;

    @Test
    void deadlines_are_kept_in_postgresql() {
        // Axon falls back to an in-memory deadline manager when db-scheduler is not wired: deadlines would die
        // with the process.
        assertThat(deadlines).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void an_order_without_a_payment_answer_is_rejected_and_its_payment_voided() throws Exception {
        String orderId = placeOrder();

        List<String> commands = awaitPaymentCommands(orderId, 2);
        assertThat(commands).containsExactly("AuthorizePayment", "VoidPayment");
        assertThat(jdbc.queryForList(
                        "select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber",
                        String.class,
                        orderId))
                .last()
                .asString()
                .endsWith("OrderRejected");
        assertThat(jdbc.queryForObject("select count(*) from sagaentry", Integer.class))
                .as("the saga ended")
                .isZero();
    }

    private String placeOrder() throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "restaurantId",
                "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10",
                "items",
                List.of(Map.of("itemId", "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21", "quantity", 1)),
                "paymentMethod",
                "CARD",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.customer(UUID.randomUUID()))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    /** The types of the messages sent to payment-service for this order, in order. */
    private static List<String> awaitPaymentCommands(String orderId, int expected) {
        return KafkaProbe.awaitTypes(Topics.PAYMENTS_COMMANDS, orderId, expected);
    }
}
