package com.fooddelivery.delivery.delivery.web;

import com.fooddelivery.contracts.delivery.DeliveryFailed;
import com.fooddelivery.delivery.delivery.application.DeliveryService;
import com.fooddelivery.delivery.delivery.domain.Delivery;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.delivery.delivery.domain.Offer;
import com.fooddelivery.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The courier app's side of a delivery: see the current offer, answer it, pick up, deliver. The courier is the one the
 * bearer token names; a delivery neither offered nor assigned to them answers 404, whoever else holds it.
 */
@RestController
class DeliveryController {

    private final DeliveryService deliveries;

    DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    record Point(double lat, double lon) {
        static Point of(GeoPoint point) {
            return new Point(point.lat(), point.lon());
        }
    }

    record Dropoff(String line1, String city, double lat, double lon) {}

    record OfferView(
            UUID deliveryId, UUID orderId, String restaurantName, Point pickup, Dropoff dropoff, Instant expiresAt) {}

    record DeliveryView(UUID deliveryId, UUID orderId, String status, UUID courierId) {
        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.orderId(),
                    delivery.status().name(),
                    delivery.courierId().orElse(null));
        }
    }

    @GetMapping("/couriers/me/offer")
    OfferView currentOffer(Caller caller) {
        UUID courierId = caller.requireCourier();
        Delivery delivery = deliveries.currentOfferOf(courierId).orElseThrow(() -> new NoOfferException(courierId));
        Offer offer = delivery.openOffer().orElseThrow(() -> new NoOfferException(courierId));
        return new OfferView(
                delivery.id(),
                delivery.orderId(),
                delivery.restaurantName(),
                Point.of(delivery.pickup()),
                new Dropoff(
                        delivery.dropoff().line1(),
                        delivery.dropoff().city(),
                        delivery.dropoff().location().lat(),
                        delivery.dropoff().location().lon()),
                offer.expiresAt());
    }

    @PostMapping("/deliveries/{id}/accept")
    DeliveryView accept(Caller caller, @PathVariable UUID id) {
        UUID courierId = caller.requireCourier();
        return DeliveryView.of(deliveries.accept(id, courierId));
    }

    /** 204: once declined, the delivery is no longer the courier's to see. */
    @PostMapping("/deliveries/{id}/decline")
    ResponseEntity<Void> decline(Caller caller, @PathVariable UUID id) {
        UUID courierId = caller.requireCourier();
        deliveries.decline(id, courierId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/deliveries/{id}/pickup")
    DeliveryView pickUp(Caller caller, @PathVariable UUID id) {
        UUID courierId = caller.requireCourier();
        return DeliveryView.of(deliveries.pickUp(id, courierId));
    }

    @PostMapping("/deliveries/{id}/deliver")
    DeliveryView deliver(Caller caller, @PathVariable UUID id) {
        UUID courierId = caller.requireCourier();
        return DeliveryView.of(deliveries.deliver(id, courierId));
    }

    /** @param note the courier's own words for the customer and support, optional */
    record CannotDeliverRequest(
            @NotNull DeliveryFailed.Reason reason,
            @Size(max = 300) String note) {}

    /** The courier has the food and cannot hand it over; the order is cancelled and the customer pays nothing. */
    @PostMapping("/deliveries/{id}/cannot-deliver")
    DeliveryView cannotDeliver(Caller caller, @PathVariable UUID id, @Valid @RequestBody CannotDeliverRequest request) {
        UUID courierId = caller.requireCourier();
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        return DeliveryView.of(deliveries.cannotDeliver(id, courierId, request.reason(), note));
    }
}
