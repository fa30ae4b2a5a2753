package com.fooddelivery.delivery.delivery.domain;

import java.util.UUID;

/** The courier accepted the delivery but lost it before pickup (silent, or not picked up in time). */
public class DeliveryTakenAwayException extends RuntimeException {

    private final UUID deliveryId;

    public DeliveryTakenAwayException(UUID deliveryId) {
        super("Delivery " + deliveryId + " was taken away from you and given to another courier");
        this.deliveryId = deliveryId;
    }

    public UUID deliveryId() {
        return deliveryId;
    }
}
