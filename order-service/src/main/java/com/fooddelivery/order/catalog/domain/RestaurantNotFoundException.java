package com.fooddelivery.order.catalog.domain;

import java.util.UUID;

public class RestaurantNotFoundException extends RuntimeException {

    private final UUID restaurantId;

    public RestaurantNotFoundException(UUID restaurantId) {
        super("No restaurant " + restaurantId);
        this.restaurantId = restaurantId;
    }

    public UUID restaurantId() {
        return restaurantId;
    }
}
