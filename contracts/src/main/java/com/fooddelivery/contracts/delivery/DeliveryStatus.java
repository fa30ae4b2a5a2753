package com.fooddelivery.contracts.delivery;

/**
 * WAITING (looking for a courier) → OFFERED → ASSIGNED → PICKED_UP → DELIVERED; a declined or expired offer goes back
 * to WAITING, and so does an assigned delivery whose courier lost it before pickup (CourierUnassigned). CANCELLED when
 * the order no longer needs a courier, GAVE_UP when no courier accepted in time, FAILED when the courier had the food
 * and could not deliver it (DeliveryFailed).
 */
public enum DeliveryStatus {
    WAITING,
    OFFERED,
    ASSIGNED,
    PICKED_UP,
    DELIVERED,
    CANCELLED,
    GAVE_UP,
    FAILED
}
