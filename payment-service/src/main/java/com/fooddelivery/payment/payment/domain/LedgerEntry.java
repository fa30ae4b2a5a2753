package com.fooddelivery.payment.payment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One provider operation that was actually performed. {@code approved} is false only for a declined authorization,
 * which reserved nothing. {@code refundId} names the refund of a REFUND row, null otherwise.
 */
public record LedgerEntry(
        UUID orderId, ProviderOperation operation, boolean approved, Money amount, UUID refundId, Instant at) {}
