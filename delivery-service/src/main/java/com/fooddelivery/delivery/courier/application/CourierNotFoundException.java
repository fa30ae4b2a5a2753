package com.fooddelivery.delivery.courier.application;

import java.util.UUID;

public class CourierNotFoundException extends RuntimeException {

    private final UUID courierId;

    public CourierNotFoundException(UUID courierId) {
        super("Courier " + courierId + " is unknown: report availability first");
        this.courierId = courierId;
    }

    public UUID courierId() {
        return courierId;
    }
}
