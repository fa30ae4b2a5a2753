package com.fooddelivery.contracts.order;

import java.util.List;
import java.util.UUID;

/** A customer placed an order; it waits for payment authorization ({@link OrderStatus#PENDING}). */
public record OrderPlaced(
        UUID orderId, long sequence, OrderStatus status, OrderDetails details, List<StatusChange> timeline)
        implements OrderEvent {}
