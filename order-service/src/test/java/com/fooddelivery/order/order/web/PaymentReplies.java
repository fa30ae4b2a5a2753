package com.fooddelivery.order.order.web;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptureFailed;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentRefunded;
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
        return reply(orderId, new PaymentAuthorized(UUID.fromString(orderId), new Money(12000, "INR"), "sim_auth_1"));
    }

    /** The capture of a delivered order went through. */
    static UUID captured(String orderId, long amountMinor) throws Exception {
        return reply(orderId, new PaymentCaptured(UUID.fromString(orderId), new Money(amountMinor, "INR")));
    }

    /** The capture was refused or never confirmed by the provider ({@code code} as payment-service names it). */
    static UUID captureFailed(String orderId, long amountMinor, String code) throws Exception {
        return reply(
                orderId,
                new PaymentCaptureFailed(
                        UUID.fromString(orderId), new Money(amountMinor, "INR"), code, "Simulated: " + code));
    }

    /** The refund {@code refundId} was paid. */
    static UUID refunded(String orderId, String refundId, long amountMinor) throws Exception {
        return reply(
                orderId,
                new PaymentRefunded(
                        UUID.fromString(orderId), UUID.fromString(refundId), new Money(amountMinor, "INR")));
    }

    private static UUID reply(String orderId, Object payload) throws Exception {
        UUID messageId = UUID.randomUUID();
        KafkaProbe.publish(
                Topics.PAYMENTS_EVENTS,
                orderId,
                JSON.writeValueAsString(payload),
                Map.of(
                        MessageHeaders.MESSAGE_ID, messageId.toString(),
                        MessageHeaders.TYPE,
                                MessageCatalog.of(payload.getClass()).type(),
                        MessageHeaders.SCHEMA_VERSION, "1",
                        MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.OCCURRED_AT, Instant.now().toString()));
        return messageId;
    }
}
