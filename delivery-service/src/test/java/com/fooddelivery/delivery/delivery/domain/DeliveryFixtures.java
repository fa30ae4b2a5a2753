package com.fooddelivery.delivery.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A delivery from a restaurant near MG Road, Bengaluru, and couriers at known distances from it. */
final class DeliveryFixtures {

    static final Instant REQUESTED_AT = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(30);
    static final GeoPoint RESTAURANT = new GeoPoint(12.9750, 77.6060);
    static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");
    static final UUID CAROL = UUID.fromString("00000000-0000-0000-0000-0000000ca201");
    /** Where the food goes: about 1 km south-west of the restaurant. */
    static final GeoPoint CUSTOMER = new GeoPoint(12.9680, 77.6000);
    /** For a courier whose position does not matter to the test. */
    static final CourierPosition UNKNOWN_POSITION = null;

    private DeliveryFixtures() {}

    static Delivery waitingDelivery() {
        return Delivery.requested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Saravana Bhavan",
                RESTAURANT,
                new Address("12 Residency Road", "Bengaluru", CUSTOMER),
                REQUESTED_AT);
    }

    static Delivery offeredTo(UUID courier) {
        Delivery delivery = waitingDelivery();
        delivery.offerTo(UUID.randomUUID(), courier, REQUESTED_AT, OFFER_TIMEOUT);
        return delivery;
    }

    /** Accepted 5 s after the request. */
    static Delivery assignedTo(UUID courier) {
        return assignedTo(courier, UNKNOWN_POSITION);
    }

    /** Accepted 5 s after the request by a courier last seen at {@code position}. */
    static Delivery assignedTo(UUID courier, CourierPosition position) {
        Delivery delivery = offeredTo(courier);
        delivery.accept(courier, secondsLater(5), position);
        return delivery;
    }

    /** Picked up 60 s after the request. */
    static Delivery pickedUpBy(UUID courier) {
        Delivery delivery = assignedTo(courier);
        delivery.pickUp(courier, secondsLater(60), UNKNOWN_POSITION);
        return delivery;
    }

    static Instant secondsLater(long seconds) {
        return REQUESTED_AT.plusSeconds(seconds);
    }

    /** {@code km} north of {@code point} (one degree of latitude is about 111.2 km). */
    static GeoPoint north(GeoPoint point, double km) {
        return new GeoPoint(point.lat() + km / 111.195, point.lon());
    }

    /** A courier's report {@code km} north of the restaurant, {@code seconds} after the request. */
    static CourierPosition reportedNorthOfRestaurant(double km, long seconds) {
        return new CourierPosition(north(RESTAURANT, km), secondsLater(seconds));
    }

    /** A courier {@code km} north of the restaurant (one degree of latitude is about 111.2 km). */
    static AvailableCourier courierNorthOfRestaurant(UUID courier, double km) {
        return new AvailableCourier(courier, north(RESTAURANT, km));
    }
}
