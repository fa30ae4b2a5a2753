package com.fooddelivery.contracts.order;

import com.fooddelivery.contracts.common.Money;

/**
 * The money side of an order that the apps and the people behind them need after delivery.
 *
 * @param refunded given back to the customer so far: zero in the order's currency until a refund is paid (a refund
 *     that is only requested, or that failed, is not in it)
 * @param attention null while nothing about the payment needs a person; else why one must look:
 *     {@code CAPTURE_NOT_CONFIRMED} (payment-service did not answer the capture in time) or the code of a failed
 *     capture ({@code PaymentCaptureFailed.code}, e.g. {@code NOT_AUTHORIZED}). A capture recorded later clears it.
 */
public record OrderPayment(Money refunded, String attention) {}
