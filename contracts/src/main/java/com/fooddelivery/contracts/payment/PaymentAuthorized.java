package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/** The amount is reserved; {@code authorizationId} is the provider's reference. */
public record PaymentAuthorized(UUID orderId, Money amount, String authorizationId) {}
