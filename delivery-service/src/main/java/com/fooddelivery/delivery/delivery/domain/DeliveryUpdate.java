package com.fooddelivery.delivery.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a delivery as the read side learns of it: what changes between updates, the delivery's fixed facts
 * (order, restaurant, pickup, drop-off) are on {@link Delivery}.
 *
 * @param sequence counts the delivery's updates from 1, so a reader keeps the highest
 * @param courierId null until a courier accepts
 * @param courierPosition the courier's last known position, null without a courier
 * @param overdueSince when it was flagged as out for delivery too long, null if not
 * @param at when the change happened (database clock)
 */
public record DeliveryUpdate(
        long sequence,
        DeliveryStatus status,
        UUID courierId,
        CourierPosition courierPosition,
        Instant overdueSince,
        Instant at) {}
