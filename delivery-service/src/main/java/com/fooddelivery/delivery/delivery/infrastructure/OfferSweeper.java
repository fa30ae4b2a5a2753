package com.fooddelivery.delivery.delivery.infrastructure;

import com.fooddelivery.delivery.delivery.application.DeliveryService;
import java.util.UUID;

/**
 * One sweep, run every {@code delivery.sweep-interval} (a {@code PeriodicTask}): moves expired offers on to the next
 * courier, takes deliveries away from assigned couriers who went silent or did not pick up in time, flags deliveries
 * out too long, re-offers waiting deliveries (a courier may have come online or finished a delivery) and gives up
 * those that waited too long. Safe with several instances: each delivery is handled in its own transaction under a
 * {@code for update skip locked} row lock, and every time is judged by the database clock.
 */
class OfferSweeper {

    private static final int BATCH = 100;

    private final DeliveryService deliveries;

    OfferSweeper(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    void sweep() {
        for (UUID delivery : deliveries.withExpiredOffer(BATCH)) {
            deliveries.expireOffer(delivery);
        }
        for (UUID delivery : deliveries.withCourierLost(BATCH)) {
            deliveries.takeAwayIfCourierLost(delivery);
        }
        for (UUID delivery : deliveries.overdue(BATCH)) {
            deliveries.flagIfOverdue(delivery);
        }
        for (UUID delivery : deliveries.waiting(BATCH)) {
            deliveries.retryWaiting(delivery);
        }
    }
}
