package com.fooddelivery.order.catalog.domain;

import java.util.UUID;

public class RestaurantNotFoundException extends RuntimeException {

    public RestaurantNotFoundException(UUID restaurantId) {
        super("No restaurant " + restaurantId);
    }
}
