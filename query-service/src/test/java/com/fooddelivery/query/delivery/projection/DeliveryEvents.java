package com.fooddelivery.query.delivery.projection;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import java.time.Instant;
import java.util.UUID;

/** Delivery events as delivery-service publishes them. */
public final class DeliveryEvents {

    public static final Instant REQUESTED_AT = Instant.parse("2026-11-22T07:05:00Z");
    public static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");

    private DeliveryEvents() {}

    /**
     * The delivery of {@code orderId} at {@code sequence} in {@code status}; with a courier and a position a minute
     * after the request when {@code courierId} is given.
     */
    public static DeliveryUpdated updated(
            UUID deliveryId, UUID orderId, long sequence, DeliveryStatus status, UUID courierId) {
        boolean withCourier = courierId != null;
        return new DeliveryUpdated(
                deliveryId,
                orderId,
                sequence,
                status,
                RESTAURANT,
                "Saravana Bhavan",
                new GeoPoint(12.9719, 77.6412),
                new DeliveryAddress("12 MG Road", "Bengaluru", 12.9716, 77.5946),
                courierId,
                withCourier ? new GeoPoint(12.9717, 77.6101) : null,
                withCourier ? REQUESTED_AT.plusSeconds(60) : null,
                withCourier ? REQUESTED_AT.plusSeconds(60 + sequence * 60) : null,
                null,
                REQUESTED_AT,
                REQUESTED_AT.plusSeconds(sequence * 10));
    }
}
