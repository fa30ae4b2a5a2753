package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.ALICE;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.BOB;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.CAROL;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.OFFER_TIMEOUT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.REQUESTED_AT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.UNKNOWN_POSITION;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.assignedTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.offeredTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.pickedUpBy;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.reportedNorthOfRestaurant;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.secondsLater;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.waitingDelivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change of a delivery is one update, numbered from 1; what changes nothing is no update. */
class DeliveryUpdateSequenceTest {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    @Test
    void a_new_delivery_is_update_1_waiting_without_a_courier() {
        Delivery delivery = waitingDelivery();

        assertThat(delivery.takeUpdates())
                .containsExactly(new DeliveryUpdate(1, DeliveryStatus.WAITING, null, null, null, REQUESTED_AT));
        assertThat(delivery.sequence()).isEqualTo(1);
    }

    @Test
    void each_change_of_a_whole_life_with_a_decline_and_an_expiry_is_one_more_update_with_its_status() {
        Delivery delivery = waitingDelivery();
        delivery.offerTo(UUID.randomUUID(), ALICE, secondsLater(1), OFFER_TIMEOUT);
        delivery.decline(ALICE, secondsLater(2));
        delivery.offerTo(UUID.randomUUID(), BOB, secondsLater(2), OFFER_TIMEOUT);
        delivery.expireOffer(secondsLater(40));
        delivery.offerTo(UUID.randomUUID(), CAROL, secondsLater(40), OFFER_TIMEOUT);
        delivery.accept(CAROL, secondsLater(45), UNKNOWN_POSITION);
        delivery.pickUp(CAROL, secondsLater(600), UNKNOWN_POSITION);
        delivery.deliver(CAROL, secondsLater(1200), UNKNOWN_POSITION);

        List<DeliveryUpdate> updates = delivery.takeUpdates();
        assertThat(updates).extracting(DeliveryUpdate::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(updates)
                .extracting(DeliveryUpdate::status)
                .containsExactly(
                        DeliveryStatus.WAITING,
                        DeliveryStatus.OFFERED,
                        DeliveryStatus.WAITING,
                        DeliveryStatus.OFFERED,
                        DeliveryStatus.WAITING,
                        DeliveryStatus.OFFERED,
                        DeliveryStatus.ASSIGNED,
                        DeliveryStatus.PICKED_UP,
                        DeliveryStatus.DELIVERED);
        assertThat(updates)
                .extracting(DeliveryUpdate::at)
                .containsExactly(
                        REQUESTED_AT,
                        secondsLater(1),
                        secondsLater(2),
                        secondsLater(2),
                        secondsLater(40),
                        secondsLater(40),
                        secondsLater(45),
                        secondsLater(600),
                        secondsLater(1200));
        assertThat(updates.subList(0, 6)).extracting(DeliveryUpdate::courierId).containsOnlyNulls();
        assertThat(updates.subList(6, 9)).extracting(DeliveryUpdate::courierId).containsOnly(CAROL);
        assertThat(delivery.sequence()).isEqualTo(9);
        assertThat(delivery.updatedAt()).isEqualTo(secondsLater(1200));
    }

    @Test
    void updates_are_handed_out_once() {
        Delivery delivery = offeredTo(ALICE);
        delivery.takeUpdates();

        delivery.decline(ALICE, secondsLater(3));

        assertThat(delivery.takeUpdates()).extracting(DeliveryUpdate::sequence).containsExactly(3L);
        assertThat(delivery.takeUpdates()).isEmpty();
    }

    @Test
    void cancelling_is_an_update_but_cancelling_again_or_after_pickup_is_none() {
        Delivery assigned = assignedTo(ALICE);
        assigned.takeUpdates();

        assigned.cancel(secondsLater(10));
        assigned.cancel(secondsLater(11));

        assertThat(assigned.takeUpdates()).singleElement().satisfies(update -> {
            assertThat(update.sequence()).isEqualTo(4);
            assertThat(update.status()).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(update.courierId()).isEqualTo(ALICE);
        });

        Delivery pickedUp = pickedUpBy(BOB);
        pickedUp.takeUpdates();
        assertThat(pickedUp.cancel(secondsLater(70))).isEqualTo(Delivery.CancelOutcome.REFUSED);
        assertThat(pickedUp.takeUpdates()).isEmpty();
        assertThat(pickedUp.sequence()).isEqualTo(4);
    }

    @Test
    void giving_up_is_an_update_and_waiting_a_while_longer_is_none() {
        Delivery delivery = waitingDelivery();
        delivery.takeUpdates();

        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, secondsLater(599)))
                .isFalse();
        assertThat(delivery.takeUpdates()).isEmpty();

        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, secondsLater(600)))
                .isTrue();
        assertThat(delivery.takeUpdates()).singleElement().satisfies(update -> {
            assertThat(update.sequence()).isEqualTo(2);
            assertThat(update.status()).isEqualTo(DeliveryStatus.GAVE_UP);
        });
    }

    @Test
    void an_offer_not_yet_expired_and_a_refused_action_are_no_update() {
        Delivery delivery = offeredTo(ALICE);
        delivery.takeUpdates();

        assertThat(delivery.expireOffer(secondsLater(29))).isFalse();
        assertThatThrownBy(() -> delivery.pickUp(ALICE, secondsLater(29), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);

        assertThat(delivery.takeUpdates()).isEmpty();
        assertThat(delivery.sequence()).isEqualTo(2);
    }

    @Test
    void a_stored_delivery_continues_its_sequence() {
        Delivery stored = new Delivery(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Saravana Bhavan",
                DeliveryFixtures.RESTAURANT,
                new Address("12 Residency Road", "Bengaluru", DeliveryFixtures.CUSTOMER),
                REQUESTED_AT,
                REQUESTED_AT,
                DeliveryStatus.ASSIGNED,
                ALICE,
                null,
                null,
                null,
                List.of(),
                7,
                secondsLater(50));

        stored.pickUp(ALICE, secondsLater(60), UNKNOWN_POSITION);

        assertThat(stored.takeUpdates()).extracting(DeliveryUpdate::sequence).containsExactly(8L);
    }

    @Test
    void accepting_takes_the_couriers_last_known_position_and_later_changes_a_newer_one_but_never_an_older_one() {
        CourierPosition atAvailability = reportedNorthOfRestaurant(2.0, -30);
        Delivery delivery = assignedTo(ALICE, atAvailability);

        assertThat(delivery.takeUpdates().getLast().courierPosition()).isEqualTo(atAvailability);

        CourierPosition atRestaurant = reportedNorthOfRestaurant(0.0, 58);
        delivery.pickUp(ALICE, secondsLater(60), atRestaurant);
        delivery.deliver(ALICE, secondsLater(900), atAvailability);

        assertThat(delivery.takeUpdates())
                .extracting(DeliveryUpdate::courierPosition)
                .containsExactly(atRestaurant, atRestaurant);
        assertThat(delivery.courierPosition()).contains(atRestaurant);
    }
}
