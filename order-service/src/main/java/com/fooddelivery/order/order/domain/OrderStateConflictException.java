package com.fooddelivery.order.order.domain;

/** The order is not in a state that allows the request; nothing changed. */
public class OrderStateConflictException extends RuntimeException {

    private final OrderStatus status;
    private final String action;

    public OrderStateConflictException(OrderStatus status, String action) {
        super("Cannot %s an order that is %s".formatted(action, status));
        this.status = status;
        this.action = action;
    }

    /** What was refused, e.g. {@code cancel}, {@code mark ready}. */
    public String action() {
        return action;
    }

    public OrderStatus status() {
        return status;
    }
}
