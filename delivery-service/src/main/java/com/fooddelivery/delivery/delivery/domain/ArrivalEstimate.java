package com.fooddelivery.delivery.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the food should reach the customer, by a deliberately simple model: the straight-line (great-circle) distance
 * still to travel, at a constant average speed. While {@code ASSIGNED} that is courier → restaurant → customer,
 * while {@code PICKED_UP} courier → customer. Nothing is added for the food's preparation (delivery-service does not
 * know when the restaurant will be ready; the order carries its own estimated ready time) nor for waiting at either
 * end, and streets are longer than straight lines: read it as a lower bound that moves with the courier. The travel
 * time is counted from the moment of the update, taking the courier to be at their last reported position then.
 * Without a courier position, or once the delivery is no longer under way, there is no estimate.
 */
public final class ArrivalEstimate {

    private final double averageSpeedKmh;

    public ArrivalEstimate(double averageSpeedKmh) {
        if (!(averageSpeedKmh > 0) || Double.isInfinite(averageSpeedKmh)) {
            throw new IllegalArgumentException("An average speed must be positive and finite: " + averageSpeedKmh);
        }
        this.averageSpeedKmh = averageSpeedKmh;
    }

    /**
     * @param courier the courier's last known position, or null if unknown
     * @param from the moment the estimate is made for
     * @return the estimated arrival at the customer, to the second; empty unless ASSIGNED or PICKED_UP with a
     *     known courier position
     */
    public Optional<Instant> arrivalAt(
            DeliveryStatus status, GeoPoint courier, GeoPoint pickup, GeoPoint dropoff, Instant from) {
        if (courier == null) {
            return Optional.empty();
        }
        double km;
        if (status == DeliveryStatus.ASSIGNED) {
            km = courier.distanceKmTo(pickup) + pickup.distanceKmTo(dropoff);
        } else if (status == DeliveryStatus.PICKED_UP) {
            km = courier.distanceKmTo(dropoff);
        } else {
            return Optional.empty();
        }
        return Optional.of(from.plus(Duration.ofSeconds(Math.round(km / averageSpeedKmh * 3600))));
    }

    /** The estimate for the state a delivery had at {@code update}. */
    public Optional<Instant> arrivalAt(DeliveryUpdate update, GeoPoint pickup, GeoPoint dropoff) {
        GeoPoint courier = update.courierPosition() == null
                ? null
                : update.courierPosition().position();
        return arrivalAt(update.status(), courier, pickup, dropoff, update.at());
    }
}
