package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/**
 * The refund {@code refundId} was not paid: {@code code} is machine-readable (REFUND_EXCEEDS_CAPTURE, NOT_CAPTURED,
 * PROVIDER_UNAVAILABLE after every retry), {@code reason} human. Nothing was given back.
 */
public record PaymentRefundFailed(UUID orderId, UUID refundId, Money amount, String code, String reason) {}
