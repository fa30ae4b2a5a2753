package com.fooddelivery.contracts.order;

public enum OrderStatusReason {
    PAYMENT_DECLINED,
    PAYMENT_TIMEOUT,
    RESTAURANT_REJECTED,
    RESTAURANT_TIMEOUT,
    NO_COURIER,
    CUSTOMER_CANCELLED,
    DELIVERY_FAILED
}
