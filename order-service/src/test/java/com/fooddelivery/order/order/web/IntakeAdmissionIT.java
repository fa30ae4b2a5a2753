package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the oldest order waits longer than order.intake.max-payment-wait for its payment answer, new orders are
 * refused at the door (503, Retry-After, nothing placed) instead of being accepted and then rejected for
 * PAYMENT_TIMEOUT; once the answer comes, orders are taken again. No payment-service runs here: the test answers.
 */
@ServiceIntegrationTest
class IntakeAdmissionIT {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final Duration MAX_PAYMENT_WAIT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void shortPaymentWait(DynamicPropertyRegistry registry) {
        registry.add("order.intake.max-payment-wait", MAX_PAYMENT_WAIT::toString);
        registry.add("order.intake.check-interval", () -> "100ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void new_orders_are_refused_while_payments_lag_and_taken_again_once_they_are_answered() throws Exception {
        HttpResponse<String> first = placeOrder(UUID.randomUUID());
        assertThat(first.statusCode()).isEqualTo(202);
        String waitingForPayment = JSON.readTree(first.body()).get("orderId").asString();
        int ordersBefore = orders();

        Thread.sleep(MAX_PAYMENT_WAIT.plusMillis(500).toMillis());
        HttpResponse<String> refused = placeOrder(UUID.randomUUID());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/intake-saturated");
        assertThat(problem.get("detail").asString()).contains("retry after 5 s");
        assertThat(orders()).as("nothing placed").isEqualTo(ordersBefore);
        assertThat(meters.counter("orders.intake.refused").count()).isEqualTo(1.0);

        PaymentReplies.authorized(waitingForPayment);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(placeOrder(UUID.randomUUID()).statusCode()).isEqualTo(202));
    }

    private int orders() {
        return jdbc.queryForObject("select count(distinct aggregateidentifier) from domainevententry", Integer.class);
    }

    private HttpResponse<String> placeOrder(UUID customer) throws Exception {
        String body = OrderBodies.oneDosa();
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.customer(customer))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
