package com.fooddelivery.contracts.delivery;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import java.time.Instant;
import java.util.UUID;

/**
 * The complete state of a delivery, published after each of its changes and after each position report of its
 * courier while the delivery is under way. For read models (courier view, order tracking), not for the saga.
 * {@code sequence} counts the delivery's updates from 1, so a reader keeps the highest and ignores older or repeated
 * ones. {@code courierId} is null until a courier accepts; {@code courierPosition}, {@code courierPositionAt} and
 * {@code estimatedArrivalAt} are null until that courier reports a position. {@code overdueSince} is set once the
 * delivery has been out (picked up, not delivered) longer than delivery-service's {@code overdue-after}: an order that
 * needs a person to look at it.
 */
public record DeliveryUpdated(
        UUID deliveryId,
        UUID orderId,
        long sequence,
        DeliveryStatus status,
        UUID restaurantId,
        String restaurantName,
        GeoPoint pickup,
        DeliveryAddress dropoff,
        UUID courierId,
        GeoPoint courierPosition,
        Instant courierPositionAt,
        Instant estimatedArrivalAt,
        Instant overdueSince,
        Instant requestedAt,
        Instant updatedAt) {}
