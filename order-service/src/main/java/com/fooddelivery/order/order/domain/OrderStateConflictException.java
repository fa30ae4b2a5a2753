package com.fooddelivery.order.order.domain;

/** The order is not in a state that allows the request; nothing changed. */
public class OrderStateConflictException extends RuntimeException {

    private final OrderStatus status;

    public OrderStateConflictException(OrderStatus status, String action) {
        super("Cannot %s an order that is %s".formatted(action, status));
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
