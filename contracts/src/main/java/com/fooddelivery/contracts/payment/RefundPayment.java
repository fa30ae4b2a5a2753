package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/**
 * Give back {@code amount} of a captured payment (all or part, e.g. a missing item). {@code refundId} names the refund:
 * the same refund sent twice is performed once. Answered by PaymentRefunded or PaymentRefundFailed.
 */
public record RefundPayment(UUID orderId, UUID refundId, Money amount) {}
