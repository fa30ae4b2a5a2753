package com.fooddelivery.payment.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** Reserve {@code amount} of the customer's money with {@code method} for an order. */
public record AuthorizationRequest(UUID orderId, UUID customerId, Money amount, PaymentMethod method) {

    public AuthorizationRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
    }
}
