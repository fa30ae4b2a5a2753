package com.fooddelivery.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.contracts.order.Courier;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.contracts.order.OrderStatusReason;
import com.fooddelivery.contracts.order.StatusChange;
import com.fooddelivery.order.order.domain.DeliveryAddress;
import com.fooddelivery.order.order.domain.GeoLocation;
import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderEndReason;
import com.fooddelivery.order.order.domain.OrderEvents.CourierAssignedToOrder;
import com.fooddelivery.order.order.domain.OrderEvents.CourierUnassignedFromOrder;
import com.fooddelivery.order.order.domain.OrderEvents.OrderAcceptedByRestaurant;
import com.fooddelivery.order.order.domain.OrderEvents.OrderCancelled;
import com.fooddelivery.order.order.domain.OrderEvents.OrderDelivered;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPickedUp;
import com.fooddelivery.order.order.domain.OrderEvents.OrderReadyForPickup;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRefunded;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRejected;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentAuthorizedForOrder;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentNeedsAttention;
import com.fooddelivery.order.order.domain.OrderEvents.RefundFailed;
import com.fooddelivery.order.order.domain.OrderEvents.RefundRequested;
import com.fooddelivery.order.order.domain.OrderLine;
import com.fooddelivery.order.order.domain.OrderPlacedEvent;
import com.fooddelivery.order.order.domain.PaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderSnapshotTest {

    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    private static final UUID COURIER = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c01");
    private static final UUID DELIVERY = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a80");
    private static final Instant PLACED_AT = Instant.parse("2026-11-22T12:30:00Z");
    private static final Instant READY_AT = PLACED_AT.plusSeconds(20 * 60);
    private static final OrderPayment NOTHING_REFUNDED =
            new OrderPayment(new com.fooddelivery.contracts.common.Money(0, "INR"), null);

    @Test
    void a_placed_order_is_pending_with_its_details_and_one_timeline_entry_at_the_placement_time() {
        OrderSnapshot placed = placed();

        assertThat(placed.sequence()).isZero();
        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.details().total().amountMinor()).isEqualTo(24000);
        assertThat(placed.details().items()).singleElement().satisfies(line -> assertThat(line.name())
                .isEqualTo("Masala Dosa"));
        assertThat(placed.timeline()).containsExactly(new StatusChange(OrderStatus.PENDING, null, PLACED_AT));
        assertThat(placed.courier()).isNull();
        assertThat(placed.estimatedReadyAt()).isNull();
        assertThat(placed.toOrderPlaced().courier()).isNull();
        assertThat(placed.toOrderPlaced().payment())
                .as("nothing refunded, in the order's currency, and nothing to look at")
                .isEqualTo(NOTHING_REFUNDED);
    }

    @Test
    void payment_authorization_moves_the_order_to_awaiting_restaurant_at_the_events_time() {
        OrderSnapshot authorized = placed().apply(new PaymentAuthorizedForOrder(ORDER), 1, at(3));

        assertThat(authorized.sequence()).isEqualTo(1);
        assertThat(authorized.status()).isEqualTo(OrderStatus.AWAITING_RESTAURANT);
        assertThat(authorized.timeline().getLast())
                .isEqualTo(new StatusChange(OrderStatus.AWAITING_RESTAURANT, null, at(3)));
    }

    @Test
    void acceptance_by_the_restaurant_means_preparing_with_the_estimated_ready_time() {
        OrderSnapshot preparing = accepted();

        assertThat(preparing.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(preparing.estimatedReadyAt()).isEqualTo(READY_AT);
        assertThat(preparing.timeline())
                .extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_RESTAURANT, OrderStatus.PREPARING);
    }

    @Test
    void a_courier_assignment_sets_the_courier_and_keeps_status_and_timeline() {
        OrderSnapshot preparing = accepted();

        OrderSnapshot assigned = preparing.apply(new CourierAssignedToOrder(ORDER, COURIER, DELIVERY), 3, at(90));

        assertThat(assigned.sequence()).isEqualTo(3);
        assertThat(assigned.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(assigned.timeline()).isEqualTo(preparing.timeline());
        assertThat(assigned.courier()).isEqualTo(new Courier(COURIER, DELIVERY));
        assertThat(assigned.estimatedReadyAt()).isEqualTo(READY_AT);
    }

    @Test
    void a_courier_who_loses_the_delivery_is_no_longer_shown_until_the_next_one_accepts() {
        OrderSnapshot assigned = accepted().apply(new CourierAssignedToOrder(ORDER, COURIER, DELIVERY), 3, at(90));

        OrderSnapshot lost =
                assigned.apply(new CourierUnassignedFromOrder(ORDER, COURIER, "COURIER_SILENT"), 4, at(400));

        assertThat(lost.sequence()).isEqualTo(4);
        assertThat(lost.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(lost.timeline()).isEqualTo(assigned.timeline());
        assertThat(lost.courier()).isNull();
        assertThat(lost.estimatedReadyAt()).isEqualTo(READY_AT);
    }

    @Test
    void the_courier_and_ready_time_stay_through_pickup_and_delivery() {
        OrderSnapshot delivered = delivered();

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.sequence()).isEqualTo(6);
        assertThat(delivered.courier()).isEqualTo(new Courier(COURIER, DELIVERY));
        assertThat(delivered.estimatedReadyAt()).isEqualTo(READY_AT);
        assertThat(delivered.timeline())
                .extracting(StatusChange::status)
                .containsExactly(
                        OrderStatus.PENDING,
                        OrderStatus.AWAITING_RESTAURANT,
                        OrderStatus.PREPARING,
                        OrderStatus.READY_FOR_PICKUP,
                        OrderStatus.OUT_FOR_DELIVERY,
                        OrderStatus.DELIVERED);
        assertThat(delivered.timeline()).extracting(StatusChange::at).isSorted();
    }

    @Test
    void the_payment_capture_only_advances_the_sequence() {
        OrderSnapshot delivered = delivered();

        OrderSnapshot captured = delivered.apply(new OrderPaymentCaptured(ORDER), 7, at(2000));

        assertThat(captured.sequence()).isEqualTo(7);
        assertThat(captured)
                .usingRecursiveComparison()
                .ignoringFields("sequence")
                .isEqualTo(delivered);
    }

    @Test
    void a_payment_that_needs_a_person_shows_why_and_keeps_status_and_timeline() {
        OrderSnapshot delivered = delivered();

        OrderSnapshot flagged = delivered.apply(new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED"), 7, at(2500));

        assertThat(flagged.sequence()).isEqualTo(7);
        assertThat(flagged.payment()).isEqualTo(new OrderPayment(NOTHING_REFUNDED.refunded(), "CAPTURE_NOT_CONFIRMED"));
        assertThat(flagged)
                .usingRecursiveComparison()
                .ignoringFields("sequence", "payment")
                .isEqualTo(delivered);
        assertThat(flagged.toStatusChanged().payment().attention()).isEqualTo("CAPTURE_NOT_CONFIRMED");
    }

    @Test
    void a_capture_after_the_payment_was_flagged_clears_the_attention() {
        OrderSnapshot flagged =
                delivered().apply(new PaymentNeedsAttention(ORDER, "PROVIDER_UNAVAILABLE"), 7, at(2500));

        OrderSnapshot captured = flagged.apply(new OrderPaymentCaptured(ORDER), 8, at(4000));

        assertThat(captured.payment()).isEqualTo(NOTHING_REFUNDED);
        assertThat(captured.timeline()).isEqualTo(flagged.timeline());
    }

    @Test
    void paid_refunds_add_up_in_payment_refunded_and_requested_or_failed_ones_only_advance_the_sequence() {
        UUID first = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
        UUID second = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70");
        UUID third = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e71");
        OrderSnapshot captured = delivered().apply(new OrderPaymentCaptured(ORDER), 7, at(2000));

        OrderSnapshot requested = captured.apply(
                new RefundRequested(ORDER, first, new Money(4500, "INR"), "Missing coffee"), 8, at(3000));
        OrderSnapshot paid = requested.apply(new OrderRefunded(ORDER, first, new Money(4500, "INR")), 9, at(3010));
        OrderSnapshot failed = paid.apply(
                        new RefundRequested(ORDER, second, new Money(1000, "INR"), "Cold"), 10, at(3100))
                .apply(new RefundFailed(ORDER, second, "PROVIDER_UNAVAILABLE"), 11, at(3110));
        OrderSnapshot paidAgain = failed.apply(
                        new RefundRequested(ORDER, third, new Money(1000, "INR"), "Cold"), 12, at(3200))
                .apply(new OrderRefunded(ORDER, third, new Money(1000, "INR")), 13, at(3210));

        assertThat(requested.sequence()).isEqualTo(8);
        assertThat(requested.payment()).isEqualTo(NOTHING_REFUNDED);
        assertThat(paid.payment())
                .isEqualTo(new OrderPayment(new com.fooddelivery.contracts.common.Money(4500, "INR"), null));
        assertThat(failed.sequence()).isEqualTo(11);
        assertThat(failed.payment()).isEqualTo(paid.payment());
        assertThat(paidAgain.toStatusChanged().payment().refunded())
                .isEqualTo(new com.fooddelivery.contracts.common.Money(5500, "INR"));
        assertThat(paidAgain)
                .usingRecursiveComparison()
                .ignoringFields("sequence", "payment")
                .isEqualTo(delivered());
    }

    @Test
    void a_refund_keeps_a_payment_that_still_needs_a_person_flagged() {
        OrderSnapshot flagged = delivered()
                .apply(new PaymentNeedsAttention(ORDER, "NOT_AUTHORIZED"), 7, at(2000))
                .apply(new RefundRequested(ORDER, UUID.randomUUID(), new Money(100, "INR"), "x"), 8, at(2100));

        assertThat(flagged.payment().attention()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void a_rejection_ends_the_order_with_its_reason() {
        OrderSnapshot rejected = placed().apply(
                        new OrderRejected(ORDER, OrderEndReason.PAYMENT_DECLINED, "INSUFFICIENT_FUNDS"), 1, at(5));

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.timeline().getLast())
                .isEqualTo(new StatusChange(OrderStatus.REJECTED, OrderStatusReason.PAYMENT_DECLINED, at(5)));
    }

    @Test
    void a_cancellation_ends_the_order_with_its_reason_keeping_what_was_known() {
        OrderSnapshot cancelled = accepted().apply(new OrderCancelled(ORDER, OrderEndReason.NO_COURIER), 3, at(600));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.estimatedReadyAt()).isEqualTo(READY_AT);
        assertThat(cancelled.timeline().getLast())
                .isEqualTo(new StatusChange(OrderStatus.CANCELLED, OrderStatusReason.NO_COURIER, at(600)));
    }

    @ParameterizedTest
    @EnumSource(OrderEndReason.class)
    void every_end_reason_is_published_as_the_status_reason_of_the_same_name(OrderEndReason reason) {
        assertThat(OrderSnapshot.reason(reason).name()).isEqualTo(reason.name());
    }

    @Test
    void applying_an_event_leaves_the_previous_snapshot_unchanged() {
        OrderSnapshot placed = placed();

        placed.apply(new PaymentAuthorizedForOrder(ORDER), 1, at(3));

        assertThat(placed.timeline()).hasSize(1);
        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void the_published_change_carries_the_complete_state() {
        OrderSnapshot assigned = accepted().apply(new CourierAssignedToOrder(ORDER, COURIER, DELIVERY), 3, at(90));

        OrderStatusChanged changed = assigned.toStatusChanged();

        assertThat(changed)
                .isEqualTo(new OrderStatusChanged(
                        ORDER,
                        3,
                        OrderStatus.PREPARING,
                        assigned.details(),
                        assigned.timeline(),
                        new Courier(COURIER, DELIVERY),
                        READY_AT,
                        NOTHING_REFUNDED));
    }

    @Test
    void placement_is_not_a_change_of_an_existing_order() {
        OrderSnapshot placed = placed();

        assertThatThrownBy(() -> placed.apply(placedEvent(), 1, at(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderSnapshot placed() {
        return OrderSnapshot.placed(placedEvent(), 0);
    }

    private static OrderSnapshot accepted() {
        return placed().apply(new PaymentAuthorizedForOrder(ORDER), 1, at(3))
                .apply(new OrderAcceptedByRestaurant(ORDER, 20, READY_AT), 2, at(60));
    }

    private static OrderSnapshot delivered() {
        return accepted()
                .apply(new CourierAssignedToOrder(ORDER, COURIER, DELIVERY), 3, at(90))
                .apply(new OrderReadyForPickup(ORDER), 4, at(1200))
                .apply(new OrderPickedUp(ORDER), 5, at(1300))
                .apply(new OrderDelivered(ORDER), 6, at(1900));
    }

    private static Instant at(long secondsAfterPlacement) {
        return PLACED_AT.plusSeconds(secondsAfterPlacement);
    }

    private static OrderPlacedEvent placedEvent() {
        Money price = new Money(12000, "INR");
        return new OrderPlacedEvent(
                ORDER,
                UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01"),
                UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10"),
                "Saravana Bhavan",
                new GeoLocation(12.9719, 77.6412),
                List.of(new OrderLine(
                        UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21"),
                        "Masala Dosa",
                        2,
                        price,
                        new Money(24000, "INR"))),
                new Money(24000, "INR"),
                PaymentMethod.UPI,
                new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59),
                PLACED_AT);
    }
}
