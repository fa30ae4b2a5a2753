package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/**
 * The capture of a delivered order did not happen: refused ({@code code} NOT_AUTHORIZED, CAPTURE_EXCEEDS_AUTHORIZATION,
 * ALREADY_CAPTURED with another amount) or not confirmed by the provider after every retry (PROVIDER_UNAVAILABLE). A
 * person must look at the payment.
 */
public record PaymentCaptureFailed(UUID orderId, Money amount, String code, String reason) {}
