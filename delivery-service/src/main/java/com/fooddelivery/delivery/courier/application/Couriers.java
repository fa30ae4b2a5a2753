package com.fooddelivery.delivery.courier.application;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Couriers' availability and position. A courier coming online is offered waiting deliveries by the delivery
 * feature's sweeper within one sweep interval; this feature knows nothing of deliveries.
 */
@Service
public class Couriers {

    private final CourierRepository couriers;

    Couriers(CourierRepository couriers) {
        this.couriers = couriers;
    }

    /**
     * Going offline does not withdraw an offer the courier holds (it expires or is answered) nor an assigned
     * delivery; it only stops new offers.
     */
    @Transactional
    public void reportAvailability(UUID courierId, boolean online, double lat, double lon) {
        couriers.saveAvailability(courierId, online, lat, lon);
    }

    @Transactional
    public void reportLocation(UUID courierId, double lat, double lon) {
        if (!couriers.updateLocation(courierId, lat, lon)) {
            throw new CourierNotFoundException(courierId);
        }
    }
}
