package com.fooddelivery.delivery.courier.application;

import java.util.UUID;

public class CourierNotFoundException extends RuntimeException {

    public CourierNotFoundException(UUID courierId) {
        super("Courier " + courierId + " is unknown: report availability first");
    }
}
