package com.fooddelivery.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Anything about an order changed after it was placed; carries the order's complete state after the change.
 *
 * <p>One message per change of the order, so {@code sequence} has no gaps after {@link OrderPlaced}. Most changes
 * move {@code status} and append a {@link StatusChange} to {@code timeline}; two do not: a courier assignment sets
 * {@code courier} and keeps status and timeline, and the payment capture after delivery keeps everything
 * ({@link OrderStatus#DELIVERED}, same timeline) and only advances {@code sequence}.
 */
public record OrderStatusChanged(
        UUID orderId,
        long sequence,
        OrderStatus status,
        OrderDetails details,
        List<StatusChange> timeline,
        Courier courier,
        Instant estimatedReadyAt)
        implements OrderEvent {}
