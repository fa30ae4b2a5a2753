package com.fooddelivery.order.order.domain;

import java.util.UUID;

/** No such order for this caller: another customer's or restaurant's order is reported the same way. */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(UUID orderId) {
        super("No order " + orderId);
    }
}
