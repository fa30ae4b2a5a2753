package com.fooddelivery.delivery.delivery.domain;

import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.ALICE;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.BOB;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.UNKNOWN_POSITION;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.assignedTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.offeredTo;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.pickedUpBy;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.reportedNorthOfRestaurant;
import static com.fooddelivery.delivery.delivery.domain.DeliveryFixtures.secondsLater;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Position reports of the courier carrying a delivery: an update at most once per minimum interval after the
 * delivery's last update of any kind. The fixtures accept at +5 s and pick up at +60 s.
 */
class CourierTrackingTest {

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    @Test
    void a_report_of_the_assigned_courier_is_an_update_with_the_new_position() {
        Delivery delivery = assignedTo(ALICE);
        delivery.takeUpdates();
        CourierPosition report = reportedNorthOfRestaurant(1.5, 10);

        assertThat(delivery.reportCourierPosition(ALICE, report, MIN_INTERVAL)).isTrue();

        assertThat(delivery.takeUpdates())
                .containsExactly(new DeliveryUpdate(4, DeliveryStatus.ASSIGNED, ALICE, report, null, secondsLater(10)));
        assertThat(delivery.courierPosition()).contains(report);
        assertThat(delivery.updatedAt()).isEqualTo(secondsLater(10));
    }

    @Test
    void a_report_sooner_than_the_minimum_interval_after_the_last_update_is_dropped() {
        Delivery delivery = assignedTo(ALICE);
        delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.5, 10), MIN_INTERVAL);
        delivery.takeUpdates();

        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.4, 14), MIN_INTERVAL))
                .isFalse();

        assertThat(delivery.takeUpdates()).isEmpty();
        assertThat(delivery.courierPosition()).contains(reportedNorthOfRestaurant(1.5, 10));
        assertThat(delivery.sequence()).isEqualTo(4);
    }

    @Test
    void a_report_exactly_the_minimum_interval_after_the_last_update_counts() {
        Delivery delivery = assignedTo(ALICE);
        delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.5, 10), MIN_INTERVAL);

        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.3, 15), MIN_INTERVAL))
                .isTrue();
        assertThat(delivery.sequence()).isEqualTo(5);
    }

    @Test
    void the_interval_counts_from_the_last_update_of_any_kind() {
        Delivery delivery = pickedUpBy(ALICE); // at +60 s

        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(0.1, 62), MIN_INTERVAL))
                .as("2 s after the pickup")
                .isFalse();
        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(-0.5, 65), MIN_INTERVAL))
                .as("5 s after the pickup")
                .isTrue();
        assertThat(delivery.takeUpdates().getLast().status()).isEqualTo(DeliveryStatus.PICKED_UP);
    }

    @Test
    void without_a_minimum_interval_every_newer_report_counts_but_one_not_after_the_last_update_never_does() {
        Delivery delivery = assignedTo(ALICE); // at +5 s

        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.0, 4), Duration.ZERO))
                .as("a report from a transaction that started before the acceptance")
                .isFalse();
        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.0, 5), Duration.ZERO))
                .isFalse();
        assertThat(delivery.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1.0, 6), Duration.ZERO))
                .isTrue();
    }

    @Test
    void reports_count_only_while_the_delivery_is_under_way() {
        Delivery offered = offeredTo(ALICE);
        assertThat(offered.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1, 100), MIN_INTERVAL))
                .isFalse();

        Delivery delivered = pickedUpBy(ALICE);
        delivered.deliver(ALICE, secondsLater(300), UNKNOWN_POSITION);
        delivered.takeUpdates();
        assertThat(delivered.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1, 400), MIN_INTERVAL))
                .isFalse();
        assertThat(delivered.takeUpdates()).isEmpty();

        Delivery cancelled = assignedTo(ALICE);
        cancelled.cancel(secondsLater(10));
        cancelled.takeUpdates();
        assertThat(cancelled.reportCourierPosition(ALICE, reportedNorthOfRestaurant(1, 100), MIN_INTERVAL))
                .isFalse();
        assertThat(cancelled.takeUpdates()).isEmpty();
    }

    @Test
    void another_couriers_report_is_ignored() {
        Delivery delivery = assignedTo(ALICE);
        delivery.takeUpdates();

        assertThat(delivery.reportCourierPosition(BOB, reportedNorthOfRestaurant(1, 100), MIN_INTERVAL))
                .isFalse();
        assertThat(delivery.takeUpdates()).isEmpty();
    }
}
