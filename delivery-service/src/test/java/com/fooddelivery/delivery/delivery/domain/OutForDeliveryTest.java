package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.ALICE;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.BOB;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.UNKNOWN_POSITION;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.assignedTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.pickedUpBy;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.secondsLater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** After pickup only the courier can bring the food: a delivery out too long is flagged, a failed one ends. */
class OutForDeliveryTest {

    private static final Duration OVERDUE_AFTER = Duration.ofMinutes(45);
    /** pickedUpBy(...) picks up 60 s after the request. */
    private static final Instant PICKED_UP_AT = secondsLater(60);

    @Test
    void pickup_records_its_time() {
        assertThat(pickedUpBy(ALICE).pickedUpAt()).contains(PICKED_UP_AT);
        assertThat(assignedTo(ALICE).pickedUpAt()).isEmpty();
    }

    @Test
    void a_delivery_out_longer_than_the_limit_is_flagged_once_and_announced() {
        Delivery delivery = pickedUpBy(ALICE);
        delivery.takeUpdates();

        assertThat(delivery.flagIfOutLongerThan(
                        OVERDUE_AFTER, PICKED_UP_AT.plus(OVERDUE_AFTER).minusMillis(1)))
                .isFalse();
        Instant late = PICKED_UP_AT.plus(OVERDUE_AFTER);
        assertThat(delivery.flagIfOutLongerThan(OVERDUE_AFTER, late)).isTrue();
        assertThat(delivery.flagIfOutLongerThan(OVERDUE_AFTER, late.plusSeconds(60)))
                .as("flagged once")
                .isFalse();

        assertThat(delivery.overdueSince()).contains(late);
        assertThat(delivery.status()).as("still the courier's to deliver").isEqualTo(DeliveryStatus.PICKED_UP);
        assertThat(delivery.takeUpdates()).singleElement().satisfies(update -> assertThat(update.overdueSince())
                .isEqualTo(late));
    }

    @Test
    void the_flag_stays_on_the_updates_until_the_delivery_ends() {
        Delivery delivery = pickedUpBy(ALICE);
        Instant late = PICKED_UP_AT.plus(OVERDUE_AFTER);
        delivery.flagIfOutLongerThan(OVERDUE_AFTER, late);
        delivery.takeUpdates();

        delivery.deliver(ALICE, late.plusSeconds(120), UNKNOWN_POSITION);

        assertThat(delivery.takeUpdates()).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(update.overdueSince()).isEqualTo(late);
        });
    }

    @Test
    void only_a_picked_up_delivery_is_ever_flagged() {
        Delivery assigned = assignedTo(ALICE);

        assertThat(assigned.flagIfOutLongerThan(OVERDUE_AFTER, secondsLater(36_000)))
                .isFalse();
        assertThat(assigned.overdueSince()).isEmpty();
    }

    @Test
    void the_courier_who_has_the_food_can_report_they_cannot_deliver_it() {
        Delivery delivery = pickedUpBy(ALICE);
        delivery.takeUpdates();

        delivery.failAfterPickup(ALICE, secondsLater(900), UNKNOWN_POSITION);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.underWay()).as("the courier is free again").isFalse();
        assertThat(delivery.takeUpdates()).extracting(DeliveryUpdate::status).containsExactly(DeliveryStatus.FAILED);
        assertThat(delivery.cancel(secondsLater(901)))
                .as("the order's cancel finds nobody delivering")
                .isEqualTo(Delivery.CancelOutcome.ALREADY_CANCELLED);
    }

    @Test
    void cannot_deliver_before_pickup_twice_or_for_someone_else() {
        assertThatThrownBy(() -> assignedTo(ALICE).failAfterPickup(ALICE, secondsLater(30), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);
        Delivery failed = pickedUpBy(ALICE);
        failed.failAfterPickup(ALICE, secondsLater(900), UNKNOWN_POSITION);
        assertThatThrownBy(() -> failed.failAfterPickup(ALICE, secondsLater(901), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);
        assertThatThrownBy(() -> failed.deliver(ALICE, secondsLater(902), UNKNOWN_POSITION))
                .isInstanceOf(IllegalDeliveryStateException.class);
        assertThatThrownBy(() -> pickedUpBy(ALICE).failAfterPickup(BOB, secondsLater(900), UNKNOWN_POSITION))
                .isInstanceOf(DeliveryNotFoundException.class);
    }
}
