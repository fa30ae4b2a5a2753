package com.fooddelivery.query.order.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fooddelivery.query.delivery.projection.DeliveryDocument;
import com.fooddelivery.query.order.projection.OrderDocument;
import com.fooddelivery.security.Caller;

/**
 * An order as the apps follow it: the order and, once delivery-service works on it, its delivery (status, courier
 * position, ETA). Each side has its own sequence; the ETag combines both, so either change ends a long-poll.
 */
public record OrderView(@JsonUnwrapped OrderDocument order, DeliveryDocument delivery) {

    public String etag() {
        return "\"" + order.sequence() + "." + (delivery == null ? 0 : delivery.sequence()) + "\"";
    }

    /**
     * A customer sees their orders, restaurant staff their restaurant's, a courier the orders they deliver, ADMIN
     * every order; nobody else, an anonymous caller included. Each id counts only with its role (a token's ids are
     * read that way), so a courier whose account id happens to be a customer id sees nothing of that customer.
     */
    boolean visibleTo(Caller caller) {
        return caller.isAdmin()
                || matches(caller.customerId(), order.customerId())
                || matches(caller.restaurantId(), order.restaurantId())
                || matches(caller.courierId(), order.courierId());
    }

    private static boolean matches(Object callerId, String ownerId) {
        return callerId != null && callerId.toString().equals(ownerId);
    }
}
