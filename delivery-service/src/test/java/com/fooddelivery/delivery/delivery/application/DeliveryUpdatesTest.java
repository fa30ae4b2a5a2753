package com.fooddelivery.delivery.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import com.fooddelivery.delivery.delivery.domain.Address;
import com.fooddelivery.delivery.delivery.domain.ArrivalEstimate;
import com.fooddelivery.delivery.delivery.domain.CourierPosition;
import com.fooddelivery.delivery.delivery.domain.Delivery;
import com.fooddelivery.delivery.delivery.domain.DeliveryStatus;
import com.fooddelivery.delivery.delivery.domain.DeliveryUpdate;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryUpdatesTest {

    private static final Instant REQUESTED_AT = Instant.parse("2025-06-01T12:00:00Z");
    private static final GeoPoint RESTAURANT = new GeoPoint(12.9750, 77.6060);
    /** 1 km south of the restaurant: 3 min at 20 km/h. */
    private static final GeoPoint CUSTOMER = new GeoPoint(12.9750 - 1 / 111.195, 77.6060);

    private final DeliveryUpdates updates = new DeliveryUpdates(new ArrivalEstimate(20));

    @Test
    void every_status_of_the_service_is_a_status_of_the_contract() {
        assertThat(Arrays.stream(DeliveryStatus.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(com.fooddelivery.contracts.delivery.DeliveryStatus.values())
                        .map(Enum::name)
                        .toList());
    }

    @Test
    void an_update_carries_the_complete_state_of_the_delivery_with_an_arrival_estimate() {
        Delivery delivery = Delivery.requested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Saravana Bhavan",
                RESTAURANT,
                new Address("12 Residency Road", "Bengaluru", CUSTOMER),
                REQUESTED_AT);
        UUID courier = UUID.randomUUID();
        Instant at = REQUESTED_AT.plusSeconds(900);
        CourierPosition atRestaurant = new CourierPosition(RESTAURANT, at.minusSeconds(2));

        DeliveryUpdated message = updates.of(
                delivery,
                new DeliveryUpdate(7, DeliveryStatus.PICKED_UP, courier, atRestaurant, at.minusSeconds(30), at));

        assertThat(message)
                .isEqualTo(new DeliveryUpdated(
                        delivery.id(),
                        delivery.orderId(),
                        7,
                        com.fooddelivery.contracts.delivery.DeliveryStatus.PICKED_UP,
                        delivery.restaurantId(),
                        "Saravana Bhavan",
                        new com.fooddelivery.contracts.common.GeoPoint(RESTAURANT.lat(), RESTAURANT.lon()),
                        new DeliveryAddress("12 Residency Road", "Bengaluru", CUSTOMER.lat(), CUSTOMER.lon()),
                        courier,
                        new com.fooddelivery.contracts.common.GeoPoint(RESTAURANT.lat(), RESTAURANT.lon()),
                        at.minusSeconds(2),
                        at.plusSeconds(180),
                        at.minusSeconds(30),
                        REQUESTED_AT,
                        at));
    }

    @Test
    void an_update_without_a_courier_has_no_position_and_no_estimate() {
        Delivery delivery = Delivery.requested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Saravana Bhavan",
                RESTAURANT,
                new Address("12 Residency Road", "Bengaluru", CUSTOMER),
                REQUESTED_AT);

        DeliveryUpdated message = updates.of(delivery, delivery.takeUpdates().getFirst());

        assertThat(message.sequence()).isEqualTo(1);
        assertThat(message.status()).isEqualTo(com.fooddelivery.contracts.delivery.DeliveryStatus.WAITING);
        assertThat(message.courierId()).isNull();
        assertThat(message.courierPosition()).isNull();
        assertThat(message.courierPositionAt()).isNull();
        assertThat(message.estimatedArrivalAt()).isNull();
        assertThat(message.updatedAt()).isEqualTo(REQUESTED_AT);
    }
}
