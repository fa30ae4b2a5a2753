package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/**
 * The courier had the food and could not hand it over: the delivery ended FAILED and the order is to be cancelled.
 * {@code note} is the courier's own words, or null.
 */
public record DeliveryFailed(UUID orderId, UUID deliveryId, UUID courierId, Reason reason, String note) {

    public enum Reason {
        CUSTOMER_UNREACHABLE,
        ADDRESS_NOT_FOUND,
        ORDER_DAMAGED,
        COURIER_UNABLE,
        OTHER
    }
}
