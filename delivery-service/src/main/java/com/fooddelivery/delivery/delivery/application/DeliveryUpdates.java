package com.fooddelivery.delivery.delivery.application;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import com.fooddelivery.delivery.delivery.domain.ArrivalEstimate;
import com.fooddelivery.delivery.delivery.domain.CourierPosition;
import com.fooddelivery.delivery.delivery.domain.Delivery;
import com.fooddelivery.delivery.delivery.domain.DeliveryUpdate;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;

/** A delivery's update as the contract's DeliveryUpdated: the complete state, with the arrival estimate at that time. */
final class DeliveryUpdates {

    private final ArrivalEstimate arrival;

    DeliveryUpdates(ArrivalEstimate arrival) {
        this.arrival = arrival;
    }

    DeliveryUpdated of(Delivery delivery, DeliveryUpdate update) {
        CourierPosition courier = update.courierPosition();
        return new DeliveryUpdated(
                delivery.id(),
                delivery.orderId(),
                update.sequence(),
                DeliveryStatus.valueOf(update.status().name()),
                delivery.restaurantId(),
                delivery.restaurantName(),
                point(delivery.pickup()),
                new DeliveryAddress(
                        delivery.dropoff().line1(),
                        delivery.dropoff().city(),
                        delivery.dropoff().location().lat(),
                        delivery.dropoff().location().lon()),
                update.courierId(),
                courier == null ? null : point(courier.position()),
                courier == null ? null : courier.at(),
                arrival.arrivalAt(update, delivery.pickup(), delivery.dropoff().location())
                        .orElse(null),
                update.overdueSince(),
                delivery.requestedAt(),
                update.at());
    }

    private static com.fooddelivery.contracts.common.GeoPoint point(GeoPoint point) {
        return new com.fooddelivery.contracts.common.GeoPoint(point.lat(), point.lon());
    }
}
