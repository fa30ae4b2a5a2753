package com.fooddelivery.delivery.courier.application;

import com.fooddelivery.delivery.delivery.application.DeliveryService;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Couriers' availability and position. A courier coming online is offered waiting deliveries by the delivery
 * feature's sweeper within one sweep interval. Every position report (availability or location) is passed on, in
 * the same transaction, to the delivery the courier carries, which publishes it for read models.
 */
@Service
public class Couriers {

    private final CourierRepository couriers;
    private final DeliveryService deliveries;

    Couriers(CourierRepository couriers, DeliveryService deliveries) {
        this.couriers = couriers;
        this.deliveries = deliveries;
    }

    /**
     * Going offline does not withdraw an offer the courier holds (it expires or is answered) nor an assigned
     * delivery; it only stops new offers. The position still counts for a delivery under way.
     */
    @Transactional
    public void reportAvailability(UUID courierId, boolean online, double lat, double lon) {
        couriers.saveAvailability(courierId, online, lat, lon);
        deliveries.courierReported(courierId, new GeoPoint(lat, lon));
    }

    @Transactional
    public void reportLocation(UUID courierId, double lat, double lon) {
        if (!couriers.updateLocation(courierId, lat, lon)) {
            throw new CourierNotFoundException(courierId);
        }
        deliveries.courierReported(courierId, new GeoPoint(lat, lon));
    }
}
