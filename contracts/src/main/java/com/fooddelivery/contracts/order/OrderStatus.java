package com.fooddelivery.contracts.order;

/** The status every client sees. REJECTED and CANCELLED carry an {@link OrderStatusReason}. */
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
