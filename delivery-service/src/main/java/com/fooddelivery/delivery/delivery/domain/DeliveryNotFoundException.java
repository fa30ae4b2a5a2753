package com.fooddelivery.delivery.delivery.domain;

import java.util.UUID;

/** No such delivery, or not one of this courier's: a courier cannot tell another's delivery from a missing one. */
public class DeliveryNotFoundException extends RuntimeException {

    private final UUID deliveryId;

    public DeliveryNotFoundException(UUID deliveryId) {
        super("No delivery " + deliveryId + " offered or assigned to you");
        this.deliveryId = deliveryId;
    }

    public UUID deliveryId() {
        return deliveryId;
    }
}
