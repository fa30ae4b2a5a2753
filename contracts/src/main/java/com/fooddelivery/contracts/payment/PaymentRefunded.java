package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/** The provider gave {@code amount} back to the customer for the refund {@code refundId}. */
public record PaymentRefunded(UUID orderId, UUID refundId, Money amount) {}
