package com.fooddelivery.delivery.courier.web;

import com.fooddelivery.delivery.courier.application.Couriers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The courier app reports whether the courier works and where they are. */
@RestController
@RequestMapping("/couriers/me")
class CourierController {

    /**
     * Until authentication exists (a JWT with a courierId claim), the calling courier names themself with this
     * header. It is trusted as is: anyone can act as any courier until then.
     */
    static final String COURIER_HEADER = "X-Courier-Id";

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
    CourierView availability(
            @RequestHeader(COURIER_HEADER) UUID courierId, @Valid @RequestBody AvailabilityRequest request) {
        couriers.reportAvailability(courierId, request.online(), request.lat(), request.lon());
        return new CourierView(courierId, request.online(), request.lat(), request.lon());
    }

    record LocationView(UUID courierId, double lat, double lon) {}

    @PutMapping("/location")
    LocationView location(@RequestHeader(COURIER_HEADER) UUID courierId, @Valid @RequestBody LocationRequest request) {
        couriers.reportLocation(courierId, request.lat(), request.lon());
        return new LocationView(courierId, request.lat(), request.lon());
    }
}
