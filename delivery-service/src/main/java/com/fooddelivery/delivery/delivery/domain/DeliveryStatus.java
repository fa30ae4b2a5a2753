package com.fooddelivery.delivery.delivery.domain;

/**
 * WAITING (no open offer: looking, or nobody left to ask) → OFFERED → ASSIGNED → PICKED_UP → DELIVERED. A declined
 * or expired offer goes back to WAITING, and so does an assigned delivery whose courier lost it before pickup.
 * CANCELLED on request before pickup; GAVE_UP when nobody accepted in time; FAILED when the courier had the food and
 * could not deliver it.
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
