package com.fooddelivery.query.delivery.web;

import com.fooddelivery.query.delivery.query.CourierJobs;
import com.fooddelivery.query.delivery.query.DeliveryReadModel;
import com.fooddelivery.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CourierDeliveriesController {

    private final DeliveryReadModel deliveries;

    CourierDeliveriesController(DeliveryReadModel deliveries) {
        this.deliveries = deliveries;
    }

    /** The calling courier's job under way (pickup, drop-off, status) and recent ones (COURIER only). */
    @GetMapping("/couriers/me/deliveries")
    CourierJobs myDeliveries(Caller caller) {
        return deliveries.jobsOf(caller.requireCourier());
    }
}
