package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierAssigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDelivered;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPickedUp;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money after delivery, over HTTP and Kafka: the restaurant's staff or an ADMIN refund a captured order (202, and
 * RefundPayment through the outbox), never beyond the capture, never before it; payment-service's answers show in
 * the published order's {@code payment}. One dosa, 120.00 INR.
 */
@ServiceIntegrationTest
class RefundsIT {

    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    private static final String STAFF = TestTokens.restaurant(RESTAURANT);
    private static final String OTHER_STAFF =
            TestTokens.restaurant(UUID.fromString("1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21"));
    private static final long TOTAL = 12000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Test
    void the_restaurant_refunds_part_of_a_captured_order_once_and_the_paid_refund_is_published() throws Exception {
        UUID customer = UUID.randomUUID();
        String orderId = deliveredOrder(customer);
        PaymentReplies.captured(orderId, TOTAL);
        awaitLastEvent(orderId, "OrderPaymentCaptured");
        int eventsBefore = events(orderId);

        assertThat(refund(orderId, "{\"amountMinor\":4500,\"reason\":\"Cold\"}", TestTokens.customer(customer), null)
                        .statusCode())
                .as("the customer")
                .isEqualTo(403);
        assertThat(refund(
                                orderId,
                                "{\"amountMinor\":4500,\"reason\":\"Cold\"}",
                                TestTokens.courier(UUID.randomUUID()),
                                null)
                        .statusCode())
                .as("a courier")
                .isEqualTo(403);
        assertThat(refund(orderId, "{\"amountMinor\":4500,\"reason\":\"Cold\"}", OTHER_STAFF, null)
                        .statusCode())
                .as("another restaurant's order")
                .isEqualTo(404);
        HttpResponse<String> nothing = refund(orderId, "{\"amountMinor\":0,\"reason\":\"Cold\"}", STAFF, null);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nothing.body()).at("/errors/0/field").asString())
                .isEqualTo("amountMinor");
        HttpResponse<String> noReason = refund(orderId, "{\"amountMinor\":4500}", STAFF, null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("type").asString()).endsWith("/invalid-request");
        assertThat(JSON.readTree(noReason.body()).at("/errors/0/field").asString())
                .isEqualTo("reason");
        assertThat(events(orderId)).as("nothing was recorded").isEqualTo(eventsBefore);

        String key = "refund-" + UUID.randomUUID();
        HttpResponse<String> accepted =
                refund(orderId, "{\"amountMinor\":4500,\"reason\":\"The coffee was missing\"}", STAFF, key);
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode refund = JSON.readTree(accepted.body());
        String refundId = refund.get("refundId").asString();
        assertThat(refund.get("orderId").asString()).isEqualTo(orderId);
        assertThat(refund.at("/amount/amountMinor").asLong()).isEqualTo(4500);
        assertThat(refund.at("/amount/currency").asString()).isEqualTo("INR");
        assertThat(refund.get("status").asString()).isEqualTo("REQUESTED");

        HttpResponse<String> retried =
                refund(orderId, "{\"amountMinor\":4500,\"reason\":\"The coffee was missing\"}", STAFF, key);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(accepted.body());

        HttpResponse<String> tooMuch =
                refund(orderId, "{\"amountMinor\":7501,\"reason\":\"Everything else\"}", TestTokens.admin(), null);
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        JsonNode exceeds = JSON.readTree(tooMuch.body());
        assertThat(exceeds.get("type").asString()).endsWith("/refund-exceeds-capture");
        assertThat(exceeds.get("refundableMinor").asLong())
                .as("120.00 captured less 45.00 being refunded")
                .isEqualTo(7500);

        List<ConsumerRecord<String, String>> sent = KafkaProbe.awaitRecords(Topics.PAYMENTS_COMMANDS, orderId, 3);
        assertThat(sent)
                .extracting(record -> KafkaProbe.header(record, MessageHeaders.TYPE))
                .containsExactly("AuthorizePayment", "CapturePayment", "RefundPayment");
        JsonNode refundPayment = JSON.readTree(sent.getLast().value());
        assertThat(refundPayment.get("refundId").asString()).isEqualTo(refundId);
        assertThat(refundPayment.at("/amount/amountMinor").asLong()).isEqualTo(4500);
        assertThat(refundPayment.at("/amount/currency").asString()).isEqualTo("INR");

        PaymentReplies.refunded(orderId, refundId, 4500);
        awaitLastEvent(orderId, "OrderRefunded");
        // Placed, authorized, accepted, courier, picked up, delivered, captured, refund requested, refunded.
        JsonNode published = JSON.readTree(KafkaProbe.awaitRecords(Topics.ORDERS_EVENTS, orderId, 9)
                .getLast()
                .value());
        assertThat(published.get("sequence").asLong()).isEqualTo(8);
        assertThat(published.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(published.at("/payment/refunded/amountMinor").asLong()).isEqualTo(4500);
        assertThat(published.at("/payment/refunded/currency").asString()).isEqualTo("INR");
        assertThat(published.at("/payment/attention").isNull()).isTrue();
        assertThat(published.get("timeline"))
                .as("pending, awaiting restaurant, preparing, out for delivery, delivered: no entry for money")
                .hasSize(5);

        awaitInbox(PaymentReplies.refunded(orderId, refundId, 4500));
        assertThat(events(orderId)).as("the duplicate reply recorded nothing").isEqualTo(eventsBefore + 2);
        HttpResponse<String> rest =
                refund(orderId, "{\"amountMinor\":7500,\"reason\":\"Everything else\"}", TestTokens.admin(), null);
        assertThat(rest.statusCode())
                .as("the duplicate reply refunded nothing more")
                .isEqualTo(202);
        assertThat(jdbc.queryForObject(
                        "select payment->'refunded'->>'amountMinor' from order_snapshot where order_id = ?",
                        String.class,
                        UUID.fromString(orderId)))
                .isEqualTo("4500");
    }

    @Test
    void a_failed_capture_needs_a_person_and_refunds_wait_until_the_capture_is_recorded() throws Exception {
        String orderId = placeAndAccept(UUID.randomUUID());
        HttpResponse<String> early = refund(orderId, "{\"amountMinor\":100,\"reason\":\"Early\"}", STAFF, null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(early.body()).get("currentStatus").asString()).isEqualTo("PREPARING");

        deliver(orderId);
        PaymentReplies.captureFailed(orderId, TOTAL, "NOT_AUTHORIZED");
        awaitLastEvent(orderId, "PaymentNeedsAttention");
        JsonNode flagged = JSON.readTree(KafkaProbe.awaitRecords(Topics.ORDERS_EVENTS, orderId, 7)
                .getLast()
                .value());
        assertThat(flagged.at("/payment/attention").asString()).isEqualTo("NOT_AUTHORIZED");
        assertThat(flagged.at("/payment/refunded/amountMinor").asLong()).isZero();

        HttpResponse<String> notCaptured =
                refund(orderId, "{\"amountMinor\":100,\"reason\":\"Cold\"}", TestTokens.admin(), null);
        assertThat(notCaptured.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(notCaptured.body()).get("currentStatus").asString())
                .isEqualTo("DELIVERED");

        PaymentReplies.captured(orderId, TOTAL);
        awaitLastEvent(orderId, "OrderPaymentCaptured");
        JsonNode captured = JSON.readTree(KafkaProbe.awaitRecords(Topics.ORDERS_EVENTS, orderId, 8)
                .getLast()
                .value());
        assertThat(captured.at("/payment/attention").isNull())
                .as("the late capture clears the attention")
                .isTrue();
        assertThat(refund(orderId, "{\"amountMinor\":100,\"reason\":\"Cold\"}", TestTokens.admin(), null)
                        .statusCode())
                .isEqualTo(202);
    }

    /** Placed by {@code customer}, authorized and accepted: PREPARING. */
    private String placeAndAccept(UUID customer) throws Exception {
        String body = OrderBodies.oneDosa();
        HttpResponse<String> placed = post("/orders", body, TestTokens.customer(customer), null);
        assertThat(placed.statusCode()).isEqualTo(202);
        String orderId = JSON.readTree(placed.body()).get("orderId").asString();
        PaymentReplies.authorized(orderId);
        awaitLastEvent(orderId, "PaymentAuthorizedForOrder");
        HttpResponse<String> accepted = post(
                "/restaurants/" + RESTAURANT + "/orders/" + orderId + "/accept",
                "{\"prepTimeMinutes\":20}",
                STAFF,
                null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        return orderId;
    }

    /** Delivered, the capture sent and not answered yet. */
    private String deliveredOrder(UUID customer) throws Exception {
        String orderId = placeAndAccept(customer);
        deliver(orderId);
        return orderId;
    }

    /** As delivery-service's replies would, through the same commands (ServiceRepliesIT covers the replies). */
    private void deliver(String orderId) {
        UUID order = UUID.fromString(orderId);
        commands.sendAndWait(new RecordCourierAssigned(order, UUID.randomUUID(), UUID.randomUUID()));
        commands.sendAndWait(new RecordPickedUp(order));
        commands.sendAndWait(new RecordDelivered(order));
    }

    private void awaitLastEvent(String orderId, String eventName) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                        "select payloadtype from domainevententry where aggregateidentifier = ?"
                                + " order by sequencenumber",
                        String.class,
                        orderId)
                .getLast()
                .endsWith(eventName));
    }

    /** Waits until the reply was processed (its inbox row commits with its effect). */
    private void awaitInbox(UUID messageId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from inbox where message_id = ?", Integer.class, messageId)
                                == 1);
    }

    private int events(String orderId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, orderId);
    }

    private HttpResponse<String> refund(String orderId, String body, String authorization, String idempotencyKey)
            throws Exception {
        return post("/orders/" + orderId + "/refunds", body, authorization, idempotencyKey);
    }

    private HttpResponse<String> post(String path, String body, String authorization, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
