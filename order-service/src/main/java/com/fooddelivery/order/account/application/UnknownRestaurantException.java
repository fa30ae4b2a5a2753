package com.fooddelivery.order.account.application;

import java.util.UUID;

/** Staff for a restaurant that does not exist. */
public class UnknownRestaurantException extends RuntimeException {

    private final UUID restaurantId;

    public UnknownRestaurantException(UUID restaurantId) {
        super("No restaurant " + restaurantId);
        this.restaurantId = restaurantId;
    }

    public UUID restaurantId() {
        return restaurantId;
    }
}
