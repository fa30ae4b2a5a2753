package com.fooddelivery.order.order.domain;

/** The order breaks a business rule; nothing was recorded. */
public class OrderNotAcceptedException extends RuntimeException {

    public enum Reason {
        UNKNOWN_RESTAURANT,
        RESTAURANT_CLOSED,
        UNKNOWN_ITEM,
        ITEM_UNAVAILABLE
    }

    private final Reason reason;

    public OrderNotAcceptedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
