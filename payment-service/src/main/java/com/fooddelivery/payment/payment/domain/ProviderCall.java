package com.fooddelivery.payment.payment.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One provider operation a payment needs, recorded before the provider is called and completed after it answered
 * (intent, call, outcome: the provider is never called inside a database transaction). The calls of one order are
 * carried out one at a time, oldest first.
 *
 * @param id the call's number, 0 until it is recorded
 * @param amount what the operation moves (the authorized amount for AUTHORIZE and VOID)
 * @param refundId the refund, for REFUND only
 * @param attempts how many times the provider was tried without an answer
 */
public record ProviderCall(
        long id, UUID orderId, ProviderOperation operation, Money amount, UUID refundId, int attempts) {

    public ProviderCall {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(amount, "amount");
        if ((operation == ProviderOperation.REFUND) != (refundId != null)) {
            throw new IllegalArgumentException("A refund id belongs to a REFUND call and only to it: " + operation);
        }
    }

    /** A call a payment decided on, not yet recorded. */
    public static ProviderCall intent(UUID orderId, ProviderOperation operation, Money amount) {
        return new ProviderCall(0, orderId, operation, amount, null, 0);
    }

    public static ProviderCall refundIntent(UUID orderId, UUID refundId, Money amount) {
        return new ProviderCall(0, orderId, ProviderOperation.REFUND, amount, refundId, 0);
    }

    public IdempotencyKey key() {
        return operation == ProviderOperation.REFUND
                ? IdempotencyKey.ofRefund(orderId, refundId)
                : IdempotencyKey.of(orderId, operation);
    }
}
