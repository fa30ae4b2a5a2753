package com.fooddelivery.order.order.web;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.testsupport.KafkaProbe;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Answers as payment-service would, on the real topic, for tests that run order-service without it. */
final class PaymentReplies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PaymentReplies() {}

    /** What payment-service answers when the provider authorizes; returns the message id. */
    static UUID authorized(String orderId) throws Exception {
        UUID messageId = UUID.randomUUID();
        KafkaProbe.publish(
                Topics.PAYMENTS_EVENTS,
                orderId,
                JSON.writeValueAsString(
                        new PaymentAuthorized(UUID.fromString(orderId), new Money(12000, "INR"), "sim_auth_1")),
                Map.of(
                        MessageHeaders.MESSAGE_ID, messageId.toString(),
                        MessageHeaders.TYPE, "PaymentAuthorized",
                        MessageHeaders.SCHEMA_VERSION, "1",
                        MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.OCCURRED_AT, Instant.now().toString()));
        return messageId;
    }
}
