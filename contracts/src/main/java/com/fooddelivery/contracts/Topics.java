package com.fooddelivery.contracts;

import java.util.List;

/** Kafka topic names. Every message is keyed by orderId, except catalog messages (restaurantId). */
public final class Topics {

    public static final String ORDERS_EVENTS = "orders.events";
    public static final String PAYMENTS_COMMANDS = "payments.commands";
    public static final String PAYMENTS_EVENTS = "payments.events";
    public static final String DELIVERIES_COMMANDS = "deliveries.commands";
    public static final String DELIVERIES_EVENTS = "deliveries.events";
    public static final String RESTAURANTS_EVENTS = "restaurants.events";

    public static final List<String> ALL = List.of(
            ORDERS_EVENTS,
            PAYMENTS_COMMANDS,
            PAYMENTS_EVENTS,
            DELIVERIES_COMMANDS,
            DELIVERIES_EVENTS,
            RESTAURANTS_EVENTS);

    private Topics() {}
}
