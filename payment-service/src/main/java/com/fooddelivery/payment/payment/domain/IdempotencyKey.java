package com.fooddelivery.payment.payment.domain;

import java.util.UUID;

/**
 * Sent with every provider call: the provider performs an operation once per key and answers a repeated key with the
 * first result. Derived from the order and the operation (and the refund, of which an order may have several), so a
 * retry, a redelivered command or a call whose answer was lost can never charge or refund twice.
 */
public record IdempotencyKey(String value) {

    public static IdempotencyKey of(UUID orderId, ProviderOperation operation) {
        return new IdempotencyKey(orderId + ":" + operation);
    }

    public static IdempotencyKey ofRefund(UUID orderId, UUID refundId) {
        return new IdempotencyKey(orderId + ":" + ProviderOperation.REFUND + ":" + refundId);
    }
}
