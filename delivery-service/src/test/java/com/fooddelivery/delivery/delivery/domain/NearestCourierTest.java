package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.ALICE;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.BOB;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.CAROL;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.RESTAURANT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.courierNorthOfRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearestCourierTest {

    private static final List<AvailableCourier> ALICE_3KM_BOB_1KM_CAROL_2KM = List.of(
            courierNorthOfRestaurant(ALICE, 3), courierNorthOfRestaurant(BOB, 1), courierNorthOfRestaurant(CAROL, 2));

    @Test
    void ranks_available_couriers_nearest_to_the_pickup_first() {
        assertThat(NearestCourier.rank(RESTAURANT, ALICE_3KM_BOB_1KM_CAROL_2KM, Set.of()))
                .containsExactly(BOB, CAROL, ALICE);
    }

    @Test
    void skips_couriers_who_declined_or_let_the_offer_expire() {
        assertThat(NearestCourier.rank(RESTAURANT, ALICE_3KM_BOB_1KM_CAROL_2KM, Set.of(BOB, CAROL)))
                .containsExactly(ALICE);
    }

    @Test
    void finds_nobody_when_every_courier_refused_or_none_is_online() {
        assertThat(NearestCourier.rank(RESTAURANT, ALICE_3KM_BOB_1KM_CAROL_2KM, Set.of(ALICE, BOB, CAROL)))
                .isEmpty();
        assertThat(NearestCourier.rank(RESTAURANT, List.of(), Set.of())).isEmpty();
    }

    @Test
    void compares_by_great_circle_distance_not_by_degrees() {
        // At 60° N a degree of longitude is half as long as a degree of latitude.
        GeoPoint pickup = new GeoPoint(60, 10);
        AvailableCourier oneDegreeEast = new AvailableCourier(ALICE, new GeoPoint(60, 11));
        AvailableCourier threeQuartersOfADegreeNorth = new AvailableCourier(BOB, new GeoPoint(60.75, 10));

        assertThat(NearestCourier.rank(pickup, List.of(threeQuartersOfADegreeNorth, oneDegreeEast), Set.of()))
                .containsExactly(ALICE, BOB);
    }

    @Test
    void breaks_ties_by_courier_id_so_every_instance_asks_the_same_courier() {
        List<AvailableCourier> sameSpot =
                List.of(courierNorthOfRestaurant(CAROL, 1), courierNorthOfRestaurant(ALICE, 1));

        assertThat(NearestCourier.rank(RESTAURANT, sameSpot, Set.of())).containsExactly(ALICE, CAROL);
    }
}
