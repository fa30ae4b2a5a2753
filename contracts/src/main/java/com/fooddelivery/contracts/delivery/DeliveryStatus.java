package com.fooddelivery.contracts.delivery;

/**
 * WAITING (looking for a courier) → OFFERED → ASSIGNED → PICKED_UP → DELIVERED; a declined or expired offer goes back
 * to WAITING. CANCELLED when the order no longer needs a courier, GAVE_UP when no courier accepted in time.
 */
public enum DeliveryStatus {
    WAITING,
    OFFERED,
    ASSIGNED,
    PICKED_UP,
    DELIVERED,
    CANCELLED,
    GAVE_UP
}
