package com.fooddelivery.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer placed an order; it waits for payment authorization ({@link OrderStatus#PENDING}). {@code courier} and
 * {@code estimatedReadyAt} are always null here, and {@code payment} has nothing refunded and no attention; they exist
 * so that every {@link OrderEvent} has the same shape.
 */
public record OrderPlaced(
        UUID orderId,
        long sequence,
        OrderStatus status,
        OrderDetails details,
        List<StatusChange> timeline,
        Courier courier,
        Instant estimatedReadyAt,
        OrderPayment payment)
        implements OrderEvent {}
