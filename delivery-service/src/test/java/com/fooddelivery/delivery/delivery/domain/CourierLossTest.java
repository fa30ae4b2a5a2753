package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.ALICE;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.BOB;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.OFFER_TIMEOUT;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.UNKNOWN_POSITION;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.assignedTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.pickedUpBy;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.secondsLater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An assigned courier who goes silent or does not pick up in time loses the delivery to the next courier. */
class CourierLossTest {

    private static final Duration SILENCE = Duration.ofMinutes(5);
    private static final Duration PICKUP = Duration.ofMinutes(60);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    /** assignedTo(...) accepts 5 s after the request. */
    private static final Instant ACCEPTED_AT = secondsLater(5);

    @Test
    void a_courier_who_keeps_reporting_keeps_the_delivery() {
        Delivery delivery = assignedTo(ALICE);
        Instant now = ACCEPTED_AT.plus(Duration.ofMinutes(30));

        assertThat(delivery.courierLost(now.minusSeconds(10), now, SILENCE, PICKUP))
                .isEmpty();
    }

    @Test
    void silence_counts_from_the_last_report_or_the_acceptance_whichever_is_later() {
        Delivery delivery = assignedTo(ALICE);
        Instant reportBeforeAccepting = ACCEPTED_AT.minusSeconds(60);

        assertThat(delivery.courierLost(
                        reportBeforeAccepting, ACCEPTED_AT.plus(SILENCE).minusMillis(1), SILENCE, PICKUP))
                .as("just under the timeout since accepting")
                .isEmpty();
        assertThat(delivery.courierLost(reportBeforeAccepting, ACCEPTED_AT.plus(SILENCE), SILENCE, PICKUP))
                .contains(CourierLoss.COURIER_SILENT);
        assertThat(delivery.courierLost(null, ACCEPTED_AT.plus(SILENCE), SILENCE, PICKUP))
                .as("never reported")
                .contains(CourierLoss.COURIER_SILENT);
        Instant lastReport = ACCEPTED_AT.plus(Duration.ofMinutes(20));
        assertThat(delivery.courierLost(lastReport, lastReport.plus(SILENCE).minusMillis(1), SILENCE, PICKUP))
                .isEmpty();
        assertThat(delivery.courierLost(lastReport, lastReport.plus(SILENCE), SILENCE, PICKUP))
                .contains(CourierLoss.COURIER_SILENT);
    }

    @Test
    void a_courier_who_reports_but_never_picks_up_loses_it_at_the_pickup_timeout() {
        Delivery delivery = assignedTo(ALICE);
        Instant atTimeout = ACCEPTED_AT.plus(PICKUP);

        assertThat(delivery.courierLost(atTimeout.minusSeconds(1), atTimeout.minusMillis(1), SILENCE, PICKUP))
                .isEmpty();
        assertThat(delivery.courierLost(atTimeout.minusSeconds(1), atTimeout, SILENCE, PICKUP))
                .contains(CourierLoss.NO_PICKUP_IN_TIME);
    }

    @Test
    void once_picked_up_the_courier_never_loses_it() {
        Delivery delivery = pickedUpBy(ALICE);

        assertThat(delivery.courierLost(null, ACCEPTED_AT.plus(Duration.ofHours(3)), SILENCE, PICKUP))
                .isEmpty();
        assertThatThrownBy(() -> delivery.takeAwayFromCourier(ACCEPTED_AT.plus(Duration.ofHours(3))))
                .isInstanceOf(IllegalDeliveryStateException.class);
    }

    @Test
    void taking_it_away_puts_it_back_to_waiting_and_the_courier_is_not_asked_again() {
        Delivery delivery = assignedTo(ALICE);
        delivery.takeUpdates();
        Instant lostAt = ACCEPTED_AT.plus(SILENCE);

        UUID lost = delivery.takeAwayFromCourier(lostAt);

        assertThat(lost).isEqualTo(ALICE);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(delivery.courierId()).isEmpty();
        assertThat(delivery.courierPosition()).isEmpty();
        assertThat(delivery.refusedBy()).containsExactly(ALICE);
        assertThat(delivery.offers()).extracting(Offer::status).containsExactly(OfferStatus.ABANDONED);
        assertThat(delivery.takeUpdates()).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(DeliveryStatus.WAITING);
            assertThat(update.courierId()).isNull();
        });
        assertThatThrownBy(() -> delivery.offerTo(UUID.randomUUID(), ALICE, lostAt, OFFER_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        delivery.offerTo(UUID.randomUUID(), BOB, lostAt, OFFER_TIMEOUT);
        delivery.accept(BOB, lostAt.plusSeconds(3), UNKNOWN_POSITION);
        assertThat(delivery.courierId()).contains(BOB);
    }

    @Test
    void the_courier_who_lost_it_is_told_so_and_cannot_act_on_it() {
        Delivery delivery = assignedTo(ALICE);
        delivery.takeAwayFromCourier(ACCEPTED_AT.plus(SILENCE));

        assertThatThrownBy(
                        () -> delivery.pickUp(ALICE, ACCEPTED_AT.plus(SILENCE).plusSeconds(1), UNKNOWN_POSITION))
                .isInstanceOf(DeliveryTakenAwayException.class);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThatThrownBy(() -> delivery.requireConcerns(BOB))
                .as("a courier who never had it still sees nothing")
                .isInstanceOf(DeliveryNotFoundException.class);
    }

    @Test
    void the_give_up_clock_starts_again_when_the_courier_loses_it() {
        Delivery delivery = assignedTo(ALICE);
        Instant lostAt = ACCEPTED_AT.plus(Duration.ofMinutes(30));
        delivery.takeAwayFromCourier(lostAt);

        assertThat(delivery.waitingSince()).isEqualTo(lostAt);
        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, lostAt.plusSeconds(1)))
                .as("30 min after the request, but just after the loss")
                .isFalse();
        assertThat(delivery.giveUpIfWaitedLongerThan(GIVE_UP_AFTER, lostAt.plus(GIVE_UP_AFTER)))
                .isTrue();
    }

    @Test
    void a_delivery_not_assigned_cannot_be_lost() {
        assertThat(DeliveryFixtures.offeredTo(ALICE).courierLost(null, ACCEPTED_AT.plus(PICKUP), SILENCE, PICKUP))
                .isEqualTo(Optional.empty());
    }
}
