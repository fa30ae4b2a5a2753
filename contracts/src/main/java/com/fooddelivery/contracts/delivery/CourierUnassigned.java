package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/**
 * The courier who accepted the delivery no longer holds it, before pickup: delivery-service took it away and looks for
 * another courier. Answered later by a CourierAssigned of the next courier, or NoCourierAvailable if nobody takes it.
 */
public record CourierUnassigned(UUID orderId, UUID deliveryId, UUID courierId, Reason reason) {

    public enum Reason {
        /** The courier's app stopped reporting (no location report or action for {@code courier-silence-timeout}). */
        COURIER_SILENT,
        /** The courier did not pick the food up within {@code pickup-timeout} of accepting. */
        NO_PICKUP_IN_TIME
    }
}
