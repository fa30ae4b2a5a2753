package com.fooddelivery.delivery.delivery.web;

import java.util.UUID;

class NoOfferException extends RuntimeException {

    NoOfferException(UUID courierId) {
        super("Courier " + courierId + " holds no offer right now");
    }
}
