package com.fooddelivery.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Anything about an order changed after it was placed; carries the order's complete state after the change.
 *
 * <p>One message per change of the order, so {@code sequence} has no gaps after {@link OrderPlaced}. Most changes
 * move {@code status} and append a {@link StatusChange} to {@code timeline}; some do not: a courier assignment sets
 * {@code courier} and keeps status and timeline, and the money after delivery (the capture, a payment that needs
 * attention, a refund requested, paid or failed) keeps the status ({@link OrderStatus#DELIVERED}) and the timeline,
 * advances {@code sequence} and may change {@code payment}.
 */
public record OrderStatusChanged(
        UUID orderId,
        long sequence,
        OrderStatus status,
        OrderDetails details,
        List<StatusChange> timeline,
        Courier courier,
        Instant estimatedReadyAt,
        OrderPayment payment)
        implements OrderEvent {}
