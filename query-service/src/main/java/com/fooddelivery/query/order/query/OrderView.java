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

    public OrderVersion version() {
        return new OrderVersion(order.sequence(), delivery == null ? 0 : delivery.sequence());
    }

    public String etag() {
        return version().etag();
    }

    /** See {@link OrderOwners}. */
    boolean visibleTo(Caller caller) {
        return new OrderOwners(order.customerId(), order.restaurantId(), order.courierId()).visibleTo(caller);
    }
}
