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
    private final Object[] arguments;

    /** @param arguments what {@code message} is made of (names, ids), for a client's text in its own language */
    public OrderNotAcceptedException(Reason reason, String message, Object... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
