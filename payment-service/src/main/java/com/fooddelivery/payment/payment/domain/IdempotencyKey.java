package com.fooddelivery.payment.payment.domain;

import java.util.UUID;

/**
 * Sent with every provider call: the provider performs an operation once per key and answers a repeated key with the
 * first result. Derived from the order and the operation, so a retry (or a redelivered command) can never charge twice.
 */
public record IdempotencyKey(String value) {

    public static IdempotencyKey of(UUID orderId, ProviderOperation operation) {
        return new IdempotencyKey(orderId + ":" + operation);
    }
}
