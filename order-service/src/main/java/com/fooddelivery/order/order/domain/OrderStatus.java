package com.fooddelivery.order.order.domain;

/** Where an order is in its life; REJECTED and CANCELLED are final and carry a {@link OrderEndReason}. */
public enum OrderStatus {
    PENDING,
    AWAITING_RESTAURANT,
    PREPARING,
    READY_FOR_PICKUP,
    OUT_FOR_DELIVERY,
    DELIVERED,
    REJECTED,
    CANCELLED
}
