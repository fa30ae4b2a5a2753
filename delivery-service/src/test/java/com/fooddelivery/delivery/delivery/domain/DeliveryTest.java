package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.ALICE;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.BOB;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.OFFER_TIMEOUT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.REQUESTED_AT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.UNKNOWN_POSITION;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.assignedTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.offeredTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.pickedUpBy;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.secondsLater;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.waitingDelivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    @Test
    void a_new_delivery_waits_for_a_courier() {
        Delivery delivery = waitingDelivery();

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(delivery.openOffer()).isEmpty();
    }

    @Test
    void an_offer_is_open_to_one_courier_until_the_timeout() {
        Delivery delivery = offeredTo(ALICE);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.OFFERED);
        assertThat(delivery.openOffer()).get().satisfies(offer -> {
            assertThat(offer.courierId()).isEqualTo(ALICE);
            assertThat(offer.expiresAt()).isEqualTo(REQUESTED_AT.plus(OFFER_TIMEOUT));
        });
        assertThat(delivery.concerns(ALICE)).isTrue();
        assertThat(delivery.concerns(BOB)).isFalse();
    }

    @Test
    void a_second_offer_while_one_is_open_is_refused() {
        Delivery delivery = offeredTo(ALICE);

        assertThatThrownBy(() -> delivery.offerTo(UUID.randomUUID(), BOB, secondsLater(1), OFFER_TIMEOUT))
                .isInstanceOf(IllegalDeliveryStateException.class);
    }

    @Test
    void a_courier_who_declined_is_not_offered_the_delivery_again() {
        Delivery delivery = offeredTo(ALICE);
        delivery.decline(ALICE, secondsLater(3));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(delivery.refusedBy()).containsExactly(ALICE);
        assertThatThrownBy(() -> delivery.offerTo(UUID.randomUUID(), ALICE, secondsLater(4), OFFER_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unanswered_offer_expires_at_its_deadline_and_counts_as_refused() {
        Delivery delivery = offeredTo(ALICE);

        assertThat(delivery.expireOffer(secondsLater(29))).isFalse();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.OFFERED);

        assertThat(delivery.expireOffer(secondsLater(30))).isTrue();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(delivery.refusedBy()).containsExactly(ALICE);
        assertThat(delivery.offers()).extracting(Offer::status).containsExactly(OfferStatus.EXPIRED);
    }

    @Test
    void the_offered_courier_accepts_before_expiry_and_is_assigned() {
        Delivery delivery = offeredTo(ALICE);

        delivery.accept(ALICE, secondsLater(29), UNKNOWN_POSITION);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.ASSIGNED);
        assertThat(delivery.courierId()).contains(ALICE);
        assertThat(delivery.openOffer()).isEmpty();
        assertThat(delivery.offers()).extracting(Offer::status).containsExactly(OfferStatus.ACCEPTED);
    }

    @Test
    void accepting_after_expiry_is_a_conflict_even_before_the_sweeper_noticed() {
        Delivery delivery = offeredTo(ALICE);

        assertThatThrownBy(() -> delivery.accept(ALICE, secondsLater(30), UNKNOWN_POSITION))
                .isInstanceOfSatisfying(IllegalDeliveryStateException.class, e -> assertThat(e.currentState())
                        .isEqualTo(DeliveryStatus.OFFERED));
        assertThat(delivery.courierId()).isEmpty();
    }

    @Test
    void another_courier_cannot_accept_or_decline_it_cannot_even_see_it() {
        Delivery delivery = offeredTo(ALICE);

        assertThatThrownBy(() -> delivery.accept(BOB, secondsLater(1), UNKNOWN_POSITION))
                .isInstanceOf(DeliveryNotFoundException.class);
        assertThatThrownBy(() -> delivery.decline(BOB, secondsLater(1))).isInstanceOf(DeliveryNotFoundException.class);
    }

    @Test
    void accepting_twice_is_a_conflict_naming_the_assigned_state() {
        Delivery delivery = assignedTo(ALICE);

        assertThatThrownBy(() -> delivery.accept(ALICE, secondsLater(6), UNKNOWN_POSITION))
                .isInstanceOfSatisfying(IllegalDeliveryStateException.class, e -> assertThat(e.currentState())
                        .isEqualTo(DeliveryStatus.ASSIGNED));
    }

    @Test
    void a_courier_whose_offer_expired_no_longer_sees_the_delivery() {
        Delivery delivery = offeredTo(ALICE);
        delivery.expireOffer(secondsLater(31));

        assertThatThrownBy(() -> delivery.accept(ALICE, secondsLater(32), UNKNOWN_POSITION))
                .isInstanceOf(DeliveryNotFoundException.class);
    }

    @Test
    void the_assigned_courier_picks_up_then_delivers() {
        Delivery delivery = assignedTo(ALICE);

        delivery.pickUp(ALICE, secondsLater(60), UNKNOWN_POSITION);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PICKED_UP);

        delivery.deliver(ALICE, secondsLater(120), UNKNOWN_POSITION);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void pickup_before_acceptance_is_a_conflict() {
        Delivery delivery = offeredTo(ALICE);

        assertThatThrownBy(() -> delivery.pickUp(ALICE, secondsLater(60), UNKNOWN_POSITION))
                .isInstanceOfSatisfying(IllegalDeliveryStateException.class, e -> assertThat(e.currentState())
                        .isEqualTo(DeliveryStatus.OFFERED));
    }

    @Test
    void delivering_before_pickup_is_a_conflict() {
        Delivery delivery = assignedTo(ALICE);

        assertThatThrownBy(() -> delivery.deliver(ALICE, secondsLater(120), UNKNOWN_POSITION))
                .isInstanceOfSatisfying(IllegalDeliveryStateException.class, e -> assertThat(e.currentState())
                        .isEqualTo(DeliveryStatus.ASSIGNED));
    }

    @Test
    void picking_up_twice_or_delivering_twice_is_a_conflict() {
        Delivery delivery = pickedUpBy(ALICE);
        assertThatThrownBy(() -> delivery.pickUp(ALICE, secondsLater(60), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);

        delivery.deliver(ALICE, secondsLater(120), UNKNOWN_POSITION);
        assertThatThrownBy(() -> delivery.deliver(ALICE, secondsLater(120), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);
    }

    @Test
    void another_courier_cannot_pick_up_or_deliver() {
        Delivery delivery = assignedTo(ALICE);

        assertThatThrownBy(() -> delivery.pickUp(BOB, secondsLater(60), UNKNOWN_POSITION))
                .isInstanceOf(DeliveryNotFoundException.class);
        assertThatThrownBy(() -> delivery.deliver(BOB, secondsLater(120), UNKNOWN_POSITION))
                .isInstanceOf(DeliveryNotFoundException.class);
    }

    @Test
    void cancelling_while_offered_withdraws_the_offer() {
        Delivery delivery = offeredTo(ALICE);

        assertThat(delivery.cancel(secondsLater(5))).isEqualTo(Delivery.CancelOutcome.CANCELLED);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(delivery.openOffer()).isEmpty();
        assertThat(delivery.offers()).extracting(Offer::status).containsExactly(OfferStatus.WITHDRAWN);
        assertThat(delivery.concerns(ALICE)).isFalse();
    }

    @Test
    void cancelling_an_assigned_delivery_releases_the_courier_before_pickup() {
        Delivery delivery = assignedTo(ALICE);

        assertThat(delivery.cancel(secondsLater(10))).isEqualTo(Delivery.CancelOutcome.CANCELLED);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThatThrownBy(() -> delivery.pickUp(ALICE, secondsLater(60), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);
    }

    @Test
    void cancelling_a_waiting_delivery_stops_the_search() {
        Delivery delivery = waitingDelivery();

        assertThat(delivery.cancel(secondsLater(1))).isEqualTo(Delivery.CancelOutcome.CANCELLED);
        assertThatThrownBy(() -> delivery.offerTo(UUID.randomUUID(), BOB, secondsLater(2), OFFER_TIMEOUT))
                .isInstanceOf(IllegalDeliveryStateException.class);
    }

    @Test
    void cancelling_after_pickup_is_refused_and_changes_nothing() {
        Delivery delivery = pickedUpBy(ALICE);

        assertThat(delivery.cancel(secondsLater(20))).isEqualTo(Delivery.CancelOutcome.REFUSED);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PICKED_UP);
    }

    @Test
    void cancelling_twice_reports_it_was_already_cancelled() {
        Delivery delivery = waitingDelivery();
        delivery.cancel(secondsLater(1));

        assertThat(delivery.cancel(secondsLater(2))).isEqualTo(Delivery.CancelOutcome.ALREADY_CANCELLED);
    }

    @Test
    void a_delivery_waiting_longer_than_the_limit_is_given_up() {
        Delivery delivery = waitingDelivery();

        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, REQUESTED_AT.plus(Duration.ofMinutes(9))))
                .isFalse();
        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, REQUESTED_AT.plus(GIVE_UP_AFTER)))
                .isTrue();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.GAVE_UP);
    }

    @Test
    void an_open_offer_is_never_cut_short_by_giving_up() {
        Delivery delivery = offeredTo(ALICE);

        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, REQUESTED_AT.plus(Duration.ofHours(1))))
                .isFalse();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.OFFERED);
    }

    @Test
    void an_assigned_delivery_is_never_given_up() {
        Delivery delivery = assignedTo(ALICE);

        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, REQUESTED_AT.plus(Duration.ofHours(1))))
                .isFalse();
    }
}
