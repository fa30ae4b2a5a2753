package com.fooddelivery.contracts.payment;

import java.util.UUID;

/** The provider refused; {@code declineCode} is machine-readable (e.g. INSUFFICIENT_FUNDS), {@code reason} human. */
public record PaymentDeclined(UUID orderId, String declineCode, String reason) {}
