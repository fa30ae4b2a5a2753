package com.fooddelivery.delivery.delivery.domain;

/** Why an assigned courier lost a delivery before pickup (see {@link Delivery#courierLost}). */
public enum CourierLoss {
    /** No location report or action from the courier for the silence timeout. */
    COURIER_SILENT,
    /** Not picked up within the pickup timeout of accepting. */
    NO_PICKUP_IN_TIME
}
