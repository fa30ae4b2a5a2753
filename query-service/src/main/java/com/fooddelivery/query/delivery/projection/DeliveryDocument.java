package com.fooddelivery.query.delivery.projection;

import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import java.time.Instant;

/**
 * A delivery as the courier app and order tracking read it, built from one {@code DeliveryUpdated} (which carries
 * the complete delivery). Stored under the order's id: an order has at most one delivery, and order tracking reads
 * it with the order in one real-time multi-get. {@code sequence} is the Elasticsearch external version. {@code
 * overdueSince} is set once delivery-service flagged it as out for delivery too long.
 */
public record DeliveryDocument(
        String deliveryId,
        String orderId,
        long sequence,
        String status,
        String restaurantId,
        String restaurantName,
        GeoPoint pickup,
        Dropoff dropoff,
        String courierId,
        GeoPoint courierPosition,
        Instant courierPositionAt,
        Instant estimatedArrivalAt,
        Instant overdueSince,
        Instant requestedAt,
        Instant updatedAt) {

    public record GeoPoint(double lat, double lon) {}

    public record Dropoff(String line1, String city, GeoPoint location) {}

    static DeliveryDocument of(DeliveryUpdated event) {
        var dropoff = event.dropoff();
        var position = event.courierPosition();
        return new DeliveryDocument(
                event.deliveryId().toString(),
                event.orderId().toString(),
                event.sequence(),
                event.status().name(),
                event.restaurantId().toString(),
                event.restaurantName(),
                new GeoPoint(event.pickup().lat(), event.pickup().lon()),
                new Dropoff(dropoff.line1(), dropoff.city(), new GeoPoint(dropoff.lat(), dropoff.lon())),
                event.courierId() == null ? null : event.courierId().toString(),
                position == null ? null : new GeoPoint(position.lat(), position.lon()),
                event.courierPositionAt(),
                event.estimatedArrivalAt(),
                event.overdueSince(),
                event.requestedAt(),
                event.updatedAt());
    }
}
