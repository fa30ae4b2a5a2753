package com.fooddelivery.order.order.domain;

/** Why an order was rejected or cancelled. */
public enum OrderEndReason {
    PAYMENT_DECLINED,
    PAYMENT_TIMEOUT,
    RESTAURANT_REJECTED,
    RESTAURANT_TIMEOUT,
    NO_COURIER,
    CUSTOMER_CANCELLED,
    /** The courier had the food and could not hand it over. */
    DELIVERY_FAILED
}
