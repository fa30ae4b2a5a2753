package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.RESTAURANT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.north;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Straight-line distances along one meridian, so the kilometres (and at 20 km/h the minutes) are exact. */
class ArrivalEstimateTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:10:00Z");
    private static final ArrivalEstimate AT_20_KMH = new ArrivalEstimate(20);
    /** 3 km south of the restaurant. */
    private static final GeoPoint CUSTOMER = north(RESTAURANT, -3);

    @Test
    void an_assigned_courier_rides_to_the_restaurant_and_then_to_the_customer_with_nothing_added_for_preparation() {
        GeoPoint courier = north(RESTAURANT, 2);

        // 2 km to the restaurant + 3 km to the customer = 5 km at 20 km/h = 15 min.
        assertThat(AT_20_KMH.arrivalAt(DeliveryStatus.ASSIGNED, courier, RESTAURANT, CUSTOMER, NOW))
                .hasValueSatisfying(eta ->
                        assertThat(eta).isCloseTo(NOW.plus(Duration.ofMinutes(15)), within(1, ChronoUnit.SECONDS)));
    }

    @Test
    void a_courier_with_the_food_rides_straight_to_the_customer() {
        GeoPoint courier = north(CUSTOMER, 1);

        // 1 km at 20 km/h = 3 min; the restaurant no longer counts.
        assertThat(AT_20_KMH.arrivalAt(DeliveryStatus.PICKED_UP, courier, RESTAURANT, CUSTOMER, NOW))
                .hasValueSatisfying(eta ->
                        assertThat(eta).isCloseTo(NOW.plus(Duration.ofMinutes(3)), within(1, ChronoUnit.SECONDS)));
    }

    @Test
    void a_courier_at_the_door_arrives_now() {
        assertThat(AT_20_KMH.arrivalAt(DeliveryStatus.PICKED_UP, CUSTOMER, RESTAURANT, CUSTOMER, NOW))
                .contains(NOW);
    }

    @Test
    void twice_the_speed_halves_the_time() {
        GeoPoint courier = north(RESTAURANT, 2);

        assertThat(new ArrivalEstimate(40).arrivalAt(DeliveryStatus.ASSIGNED, courier, RESTAURANT, CUSTOMER, NOW))
                .hasValueSatisfying(eta ->
                        assertThat(eta).isCloseTo(NOW.plus(Duration.ofSeconds(450)), within(1, ChronoUnit.SECONDS)));
    }

    @Test
    void there_is_no_estimate_without_a_courier_position() {
        assertThat(AT_20_KMH.arrivalAt(DeliveryStatus.ASSIGNED, null, RESTAURANT, CUSTOMER, NOW))
                .isEmpty();
        assertThat(AT_20_KMH.arrivalAt(DeliveryStatus.PICKED_UP, null, RESTAURANT, CUSTOMER, NOW))
                .isEmpty();
    }

    @Test
    void there_is_no_estimate_before_a_courier_is_assigned_nor_after_the_delivery_ended() {
        GeoPoint courier = north(RESTAURANT, 2);

        for (DeliveryStatus status :
                EnumSet.complementOf(EnumSet.of(DeliveryStatus.ASSIGNED, DeliveryStatus.PICKED_UP))) {
            assertThat(AT_20_KMH.arrivalAt(status, courier, RESTAURANT, CUSTOMER, NOW))
                    .as(status.name())
                    .isEmpty();
        }
    }

    @Test
    void an_update_is_estimated_from_its_own_time_and_the_position_it_carries() {
        DeliveryUpdate pickedUp = new DeliveryUpdate(
                5,
                DeliveryStatus.PICKED_UP,
                UUID.randomUUID(),
                new CourierPosition(north(CUSTOMER, 1), NOW.minusSeconds(4)),
                null,
                NOW);

        assertThat(AT_20_KMH.arrivalAt(pickedUp, RESTAURANT, CUSTOMER)).hasValueSatisfying(eta -> assertThat(eta)
                .isCloseTo(NOW.plus(Duration.ofMinutes(3)), within(1, ChronoUnit.SECONDS)));
    }

    @Test
    void a_speed_that_is_not_positive_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalEstimate(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalEstimate(-5));
        assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalEstimate(Double.NaN));
    }
}
