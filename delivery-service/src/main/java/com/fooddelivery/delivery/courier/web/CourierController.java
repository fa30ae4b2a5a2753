package com.fooddelivery.delivery.courier.web;

import com.fooddelivery.delivery.courier.application.Couriers;
import com.fooddelivery.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The courier app reports whether the courier works and where they are; the courier is the one the token names. */
@RestController
@RequestMapping("/couriers/me")
class CourierController {

    private final Couriers couriers;

    CourierController(Couriers couriers) {
        this.couriers = couriers;
    }

    record AvailabilityRequest(
            @NotNull Boolean online,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    record LocationRequest(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    record CourierView(UUID courierId, boolean online, double lat, double lon) {}

    /** The first call creates the courier. */
    @PutMapping("/availability")
    CourierView availability(Caller caller, @Valid @RequestBody AvailabilityRequest request) {
        UUID courierId = caller.requireCourier();
        couriers.reportAvailability(courierId, request.online(), request.lat(), request.lon());
        return new CourierView(courierId, request.online(), request.lat(), request.lon());
    }

    record LocationView(UUID courierId, double lat, double lon) {}

    @PutMapping("/location")
    LocationView location(Caller caller, @Valid @RequestBody LocationRequest request) {
        UUID courierId = caller.requireCourier();
        couriers.reportLocation(courierId, request.lat(), request.lon());
        return new LocationView(courierId, request.lat(), request.lon());
    }
}
