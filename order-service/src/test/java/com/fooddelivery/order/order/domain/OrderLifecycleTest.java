package com.fooddelivery.order.order.domain;

import com.fooddelivery.order.order.domain.OrderCommands.AcceptOrder;
import com.fooddelivery.order.order.domain.OrderCommands.CancelOrder;
import com.fooddelivery.order.order.domain.OrderCommands.ExpirePaymentWait;
import com.fooddelivery.order.order.domain.OrderCommands.ExpireRestaurantWait;
import com.fooddelivery.order.order.domain.OrderCommands.FlagPaymentAttention;
import com.fooddelivery.order.order.domain.OrderCommands.GiveUpOnCourier;
import com.fooddelivery.order.order.domain.OrderCommands.MarkReady;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCaptureFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierAssigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierUnassigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDelivered;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDeliveryFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentAuthorized;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentDeclined;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPickedUp;
import com.fooddelivery.order.order.domain.OrderCommands.RecordRefundFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordRefundPaid;
import com.fooddelivery.order.order.domain.OrderCommands.RejectOrder;
import com.fooddelivery.order.order.domain.OrderCommands.RequestRefund;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Order aggregate decides every race: people in the wrong state get a conflict, late facts change nothing. */
class OrderLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:30:00Z");
    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    private static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    private static final UUID COURIER = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c01");
    private static final UUID DELIVERY = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a80");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000beef");

    private static final OrderPlacedEvent PLACED = new OrderPlacedEvent(
            ORDER,
            CUSTOMER,
            MenuFixtures.RESTAURANT,
            "Saravana Bhavan",
            MenuFixtures.LOCATION,
            List.of(new OrderLine(
                    MenuFixtures.DOSA, "Masala Dosa", 1, MenuFixtures.DOSA_PRICE, MenuFixtures.DOSA_PRICE)),
            MenuFixtures.DOSA_PRICE,
            PaymentMethod.UPI,
            new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59),
            NOW);
    private static final PaymentAuthorizedForOrder AUTHORIZED = new PaymentAuthorizedForOrder(ORDER);
    private static final OrderAcceptedByRestaurant ACCEPTED =
            new OrderAcceptedByRestaurant(ORDER, 20, NOW.plusSeconds(20 * 60));
    private static final CourierAssignedToOrder COURIER_ASSIGNED = new CourierAssignedToOrder(ORDER, COURIER, DELIVERY);
    /** From placement to delivery, not captured yet. */
    private static final Object[] DELIVERED = {
        PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, new OrderPickedUp(ORDER), new OrderDelivered(ORDER)
    };
    /** Delivered and paid for: 120.00 INR captured (one dosa), refundable. */
    private static final Object[] CAPTURED = with(DELIVERED, new OrderPaymentCaptured(ORDER));

    private static final UUID REFUND = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    private static final UUID SECOND_REFUND = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70");

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void an_authorized_payment_hands_the_order_to_the_restaurant() {
        fixture.given(PLACED).when(new RecordPaymentAuthorized(ORDER)).expectEvents(AUTHORIZED);
    }

    @Test
    void a_declined_payment_rejects_the_order() {
        fixture.given(PLACED)
                .when(new RecordPaymentDeclined(ORDER, "INSUFFICIENT_FUNDS"))
                .expectEvents(new OrderRejected(ORDER, OrderEndReason.PAYMENT_DECLINED, "INSUFFICIENT_FUNDS"));
    }

    @Test
    void no_payment_answer_in_time_rejects_a_pending_order() {
        fixture.given(PLACED)
                .when(new ExpirePaymentWait(ORDER))
                .expectEvents(new OrderRejected(ORDER, OrderEndReason.PAYMENT_TIMEOUT, "No payment answer in time"));
    }

    @Test
    void an_authorization_that_beat_the_payment_deadline_wins() {
        fixture.given(PLACED, AUTHORIZED).when(new ExpirePaymentWait(ORDER)).expectNoEvents();
    }

    @Test
    void an_authorization_after_the_payment_deadline_changes_nothing() {
        fixture.given(PLACED, new OrderRejected(ORDER, OrderEndReason.PAYMENT_TIMEOUT, "late"))
                .when(new RecordPaymentAuthorized(ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_restaurant_accepts_with_a_preparation_time() {
        fixture.given(PLACED, AUTHORIZED)
                .when(new AcceptOrder(ORDER, MenuFixtures.RESTAURANT, 20))
                .expectEvents(ACCEPTED);
    }

    @Test
    void accepting_after_the_restaurant_deadline_is_a_conflict() {
        fixture.given(PLACED, AUTHORIZED, new OrderRejected(ORDER, OrderEndReason.RESTAURANT_TIMEOUT, "late"))
                .when(new AcceptOrder(ORDER, MenuFixtures.RESTAURANT, 20))
                .expectException(OrderStateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void accepting_before_payment_is_authorized_is_a_conflict() {
        fixture.given(PLACED)
                .when(new AcceptOrder(ORDER, MenuFixtures.RESTAURANT, 20))
                .expectException(OrderStateConflictException.class);
    }

    @Test
    void another_restaurant_cannot_see_the_order() {
        fixture.given(PLACED, AUTHORIZED)
                .when(new AcceptOrder(ORDER, OTHER, 20))
                .expectException(OrderNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void the_restaurant_rejects_with_a_reason() {
        fixture.given(PLACED, AUTHORIZED)
                .when(new RejectOrder(ORDER, MenuFixtures.RESTAURANT, "Out of dosa batter"))
                .expectEvents(new OrderRejected(ORDER, OrderEndReason.RESTAURANT_REJECTED, "Out of dosa batter"));
    }

    @Test
    void no_restaurant_answer_in_time_rejects_the_order() {
        fixture.given(PLACED, AUTHORIZED)
                .when(new ExpireRestaurantWait(ORDER))
                .expectEvents(new OrderRejected(
                        ORDER, OrderEndReason.RESTAURANT_TIMEOUT, "The restaurant did not answer in time"));
    }

    @Test
    void an_acceptance_that_beat_the_restaurant_deadline_wins() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED)
                .when(new ExpireRestaurantWait(ORDER))
                .expectNoEvents();
    }

    @Test
    void a_preparing_order_can_be_marked_ready_once() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED)
                .when(new MarkReady(ORDER, MenuFixtures.RESTAURANT))
                .expectEvents(new OrderReadyForPickup(ORDER));
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, new OrderReadyForPickup(ORDER))
                .when(new MarkReady(ORDER, MenuFixtures.RESTAURANT))
                .expectException(OrderStateConflictException.class);
    }

    @Test
    void a_courier_can_be_assigned_before_or_after_the_food_is_ready_but_only_once() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED)
                .when(new RecordCourierAssigned(ORDER, COURIER, DELIVERY))
                .expectEvents(COURIER_ASSIGNED);
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, new OrderReadyForPickup(ORDER))
                .when(new RecordCourierAssigned(ORDER, COURIER, DELIVERY))
                .expectEvents(COURIER_ASSIGNED);
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new RecordCourierAssigned(ORDER, OTHER, DELIVERY))
                .expectNoEvents();
    }

    @Test
    void no_courier_in_time_cancels_the_order() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED)
                .when(new GiveUpOnCourier(ORDER))
                .expectEvents(new OrderCancelled(ORDER, OrderEndReason.NO_COURIER));
    }

    @Test
    void a_courier_who_beat_the_courier_deadline_wins() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new GiveUpOnCourier(ORDER))
                .expectNoEvents();
    }

    @Test
    void a_courier_who_lost_the_delivery_before_pickup_makes_room_for_the_next() {
        CourierUnassignedFromOrder lost = new CourierUnassignedFromOrder(ORDER, COURIER, "COURIER_SILENT");
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new RecordCourierUnassigned(ORDER, COURIER, "COURIER_SILENT"))
                .expectEvents(lost);
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, lost)
                .when(new RecordCourierAssigned(ORDER, OTHER, DELIVERY))
                .expectEvents(new CourierAssignedToOrder(ORDER, OTHER, DELIVERY));
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, lost)
                .when(new GiveUpOnCourier(ORDER))
                .expectEvents(new OrderCancelled(ORDER, OrderEndReason.NO_COURIER));
    }

    @Test
    void a_stale_loss_report_changes_nothing() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new RecordCourierUnassigned(ORDER, OTHER, "COURIER_SILENT"))
                .expectNoEvents();
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, new OrderPickedUp(ORDER))
                .when(new RecordCourierUnassigned(ORDER, COURIER, "NO_PICKUP_IN_TIME"))
                .expectNoEvents();
        fixture.given(
                        PLACED,
                        AUTHORIZED,
                        ACCEPTED,
                        COURIER_ASSIGNED,
                        new OrderCancelled(ORDER, OrderEndReason.NO_COURIER))
                .when(new RecordCourierUnassigned(ORDER, COURIER, "COURIER_SILENT"))
                .expectNoEvents();
    }

    @Test
    void a_courier_accepting_after_the_order_was_cancelled_changes_nothing() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, new OrderCancelled(ORDER, OrderEndReason.NO_COURIER))
                .when(new RecordCourierAssigned(ORDER, COURIER, DELIVERY))
                .expectNoEvents();
    }

    @Test
    void pickup_delivery_and_capture_follow_each_other_once() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new RecordPickedUp(ORDER))
                .expectEvents(new OrderPickedUp(ORDER));
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, new OrderPickedUp(ORDER))
                .when(new RecordDelivered(ORDER))
                .expectEvents(new OrderDelivered(ORDER));
        fixture.given(
                        PLACED,
                        AUTHORIZED,
                        ACCEPTED,
                        COURIER_ASSIGNED,
                        new OrderPickedUp(ORDER),
                        new OrderDelivered(ORDER),
                        new OrderPaymentCaptured(ORDER))
                .when(new RecordPaymentCaptured(ORDER))
                .expectNoEvents();
    }

    @Test
    void a_capture_that_payment_service_could_not_make_needs_a_person() {
        fixture.given(DELIVERED)
                .when(new RecordCaptureFailed(ORDER, "NOT_AUTHORIZED"))
                .expectEvents(new PaymentNeedsAttention(ORDER, "NOT_AUTHORIZED"));
    }

    @Test
    void a_capture_not_confirmed_in_time_needs_a_person() {
        fixture.given(DELIVERED)
                .when(new FlagPaymentAttention(ORDER, "CAPTURE_NOT_CONFIRMED"))
                .expectEvents(new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED"));
    }

    @Test
    void a_capture_that_beat_the_capture_deadline_or_a_failure_report_wins() {
        fixture.given(with(DELIVERED, new OrderPaymentCaptured(ORDER)))
                .when(new FlagPaymentAttention(ORDER, "CAPTURE_NOT_CONFIRMED"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(with(DELIVERED, new OrderPaymentCaptured(ORDER)))
                .when(new RecordCaptureFailed(ORDER, "ALREADY_CAPTURED"))
                .expectNoEvents();
    }

    @Test
    void a_payment_needs_a_person_once_whatever_else_is_reported_about_it() {
        PaymentNeedsAttention flagged = new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED");
        fixture.given(with(DELIVERED, flagged))
                .when(new RecordCaptureFailed(ORDER, "PROVIDER_UNAVAILABLE"))
                .expectNoEvents();
        fixture.given(with(DELIVERED, flagged))
                .when(new FlagPaymentAttention(ORDER, "CAPTURE_NOT_CONFIRMED"))
                .expectNoEvents();
    }

    @Test
    void a_capture_after_the_payment_was_flagged_is_still_recorded_and_clears_the_flag() {
        PaymentNeedsAttention flagged = new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED");
        fixture.given(with(DELIVERED, flagged))
                .when(new RecordPaymentCaptured(ORDER))
                .expectEvents(new OrderPaymentCaptured(ORDER));
        fixture.given(with(DELIVERED, flagged, new OrderPaymentCaptured(ORDER)))
                .when(new RecordCaptureFailed(ORDER, "ALREADY_CAPTURED"))
                .expectNoEvents();
    }

    @Test
    void a_capture_failure_reported_before_delivery_or_for_a_cancelled_order_changes_nothing() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, new OrderPickedUp(ORDER))
                .when(new RecordCaptureFailed(ORDER, "NOT_AUTHORIZED"))
                .expectNoEvents();
        fixture.given(PLACED, AUTHORIZED, new OrderCancelled(ORDER, OrderEndReason.CUSTOMER_CANCELLED))
                .when(new FlagPaymentAttention(ORDER, "CAPTURE_NOT_CONFIRMED"))
                .expectNoEvents();
    }

    @Test
    void the_restaurants_staff_refund_part_of_a_captured_payment_in_the_orders_currency() {
        fixture.given(CAPTURED)
                .when(new RequestRefund(ORDER, REFUND, 4500, "The coffee was missing", MenuFixtures.RESTAURANT))
                .expectEvents(new RefundRequested(ORDER, REFUND, inr(4500), "The coffee was missing"))
                .expectResultMessagePayload(inr(4500));
    }

    @Test
    void an_admin_refunds_the_whole_captured_total_of_any_restaurants_order() {
        fixture.given(CAPTURED)
                .when(new RequestRefund(ORDER, REFUND, 12000, "Never arrived hot", null))
                .expectEvents(new RefundRequested(ORDER, REFUND, inr(12000), "Never arrived hot"));
    }

    @Test
    void a_refund_beyond_what_is_left_of_the_capture_is_refused_naming_what_is_left() {
        fixture.given(with(CAPTURED, new RefundRequested(ORDER, REFUND, inr(8000), "pending")))
                .when(new RequestRefund(ORDER, SECOND_REFUND, 4001, "Too much", null))
                .expectException(RefundExceedsCaptureException.class)
                .expectExceptionMessage("Cannot refund 4001 INR: only 4000 INR can still be refunded")
                .expectNoEvents();
        fixture.given(with(
                        CAPTURED,
                        new RefundRequested(ORDER, REFUND, inr(8000), "paid"),
                        new OrderRefunded(ORDER, REFUND, inr(8000))))
                .when(new RequestRefund(ORDER, SECOND_REFUND, 4000, "The rest", null))
                .expectEvents(new RefundRequested(ORDER, SECOND_REFUND, inr(4000), "The rest"));
    }

    @Test
    void the_same_refund_requested_twice_is_requested_once_and_answered_with_its_first_amount() {
        RefundRequested first = new RefundRequested(ORDER, REFUND, inr(4500), "Missing coffee");
        fixture.given(with(CAPTURED, first))
                .when(new RequestRefund(ORDER, REFUND, 9000, "Missing coffee", MenuFixtures.RESTAURANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(inr(4500));
        fixture.given(with(CAPTURED, first, new OrderRefunded(ORDER, REFUND, inr(4500))))
                .when(new RequestRefund(ORDER, REFUND, 4500, "Missing coffee", null))
                .expectNoEvents();
    }

    @Test
    void a_refund_before_delivery_or_before_the_capture_is_a_conflict_naming_the_status() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED)
                .when(new RequestRefund(ORDER, REFUND, 4500, "Too early", MenuFixtures.RESTAURANT))
                .expectException(OrderStateConflictException.class)
                .expectExceptionMessage("Cannot refund an order that is PREPARING")
                .expectNoEvents();
        fixture.given(DELIVERED)
                .when(new RequestRefund(ORDER, REFUND, 4500, "Not captured yet", null))
                .expectException(OrderStateConflictException.class)
                .expectExceptionMessage("Cannot refund an order that is DELIVERED")
                .expectNoEvents();
        fixture.given(PLACED, AUTHORIZED, new OrderCancelled(ORDER, OrderEndReason.CUSTOMER_CANCELLED))
                .when(new RequestRefund(ORDER, REFUND, 4500, "Voided anyway", null))
                .expectException(OrderStateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void a_payment_flagged_for_a_person_is_refundable_only_once_its_capture_is_recorded() {
        PaymentNeedsAttention flagged = new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED");
        fixture.given(with(DELIVERED, flagged))
                .when(new RequestRefund(ORDER, REFUND, 4500, "Cold", null))
                .expectException(OrderStateConflictException.class)
                .expectNoEvents();
        fixture.given(with(DELIVERED, flagged, new OrderPaymentCaptured(ORDER)))
                .when(new RequestRefund(ORDER, REFUND, 4500, "Cold", null))
                .expectEvents(new RefundRequested(ORDER, REFUND, inr(4500), "Cold"));
    }

    @Test
    void another_restaurant_cannot_see_the_order_to_refund_it() {
        fixture.given(CAPTURED)
                .when(new RequestRefund(ORDER, REFUND, 4500, "Not ours", OTHER))
                .expectException(OrderNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_paid_refund_is_recorded_once_whatever_is_reported_about_it_later() {
        RefundRequested requested = new RefundRequested(ORDER, REFUND, inr(4500), "Missing coffee");
        OrderRefunded paid = new OrderRefunded(ORDER, REFUND, inr(4500));
        fixture.given(with(CAPTURED, requested))
                .when(new RecordRefundPaid(ORDER, REFUND, inr(4500)))
                .expectEvents(paid);
        fixture.given(with(CAPTURED, requested, paid))
                .when(new RecordRefundPaid(ORDER, REFUND, inr(4500)))
                .expectNoEvents();
        fixture.given(with(CAPTURED, requested, paid))
                .when(new RecordRefundFailed(ORDER, REFUND, "PROVIDER_UNAVAILABLE"))
                .expectNoEvents();
    }

    @Test
    void a_failed_refund_gives_its_amount_back_to_what_can_be_refunded() {
        RefundRequested requested = new RefundRequested(ORDER, REFUND, inr(12000), "Everything");
        RefundFailed failed = new RefundFailed(ORDER, REFUND, "PROVIDER_UNAVAILABLE");
        fixture.given(with(CAPTURED, requested))
                .when(new RecordRefundFailed(ORDER, REFUND, "PROVIDER_UNAVAILABLE"))
                .expectEvents(failed);
        fixture.given(with(CAPTURED, requested))
                .when(new RequestRefund(ORDER, SECOND_REFUND, 1, "While pending", null))
                .expectException(RefundExceedsCaptureException.class);
        fixture.given(with(CAPTURED, requested, failed))
                .when(new RequestRefund(ORDER, SECOND_REFUND, 12000, "Everything, again", null))
                .expectEvents(new RefundRequested(ORDER, SECOND_REFUND, inr(12000), "Everything, again"));
        fixture.given(with(CAPTURED, requested, failed))
                .when(new RecordRefundPaid(ORDER, REFUND, inr(12000)))
                .expectNoEvents();
    }

    @Test
    void an_answer_about_a_refund_the_order_never_requested_changes_nothing() {
        fixture.given(CAPTURED)
                .when(new RecordRefundPaid(ORDER, REFUND, inr(4500)))
                .expectNoEvents();
        fixture.given(CAPTURED)
                .when(new RecordRefundFailed(ORDER, REFUND, "NOT_CAPTURED"))
                .expectNoEvents();
    }

    @Test
    void a_refund_of_nothing_cannot_even_be_asked() {
        Assertions.assertThatThrownBy(() -> new RequestRefund(ORDER, REFUND, 0, "Nothing", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_delivery_that_fails_after_pickup_cancels_the_order() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED, new OrderPickedUp(ORDER))
                .when(new RecordDeliveryFailed(ORDER))
                .expectEvents(new OrderCancelled(ORDER, OrderEndReason.DELIVERY_FAILED));
    }

    @Test
    void a_failed_delivery_reported_before_pickup_or_after_delivery_changes_nothing() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new RecordDeliveryFailed(ORDER))
                .expectNoEvents();
        fixture.given(
                        PLACED,
                        AUTHORIZED,
                        ACCEPTED,
                        COURIER_ASSIGNED,
                        new OrderPickedUp(ORDER),
                        new OrderDelivered(ORDER))
                .when(new RecordDeliveryFailed(ORDER))
                .expectNoEvents();
    }

    @Test
    void a_delivery_reported_before_pickup_changes_nothing() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED, COURIER_ASSIGNED)
                .when(new RecordDelivered(ORDER))
                .expectNoEvents();
    }

    @Test
    void the_customer_can_cancel_while_pending_or_awaiting_the_restaurant() {
        fixture.given(PLACED)
                .when(new CancelOrder(ORDER, CUSTOMER))
                .expectEvents(new OrderCancelled(ORDER, OrderEndReason.CUSTOMER_CANCELLED));
        fixture.given(PLACED, AUTHORIZED)
                .when(new CancelOrder(ORDER, CUSTOMER))
                .expectEvents(new OrderCancelled(ORDER, OrderEndReason.CUSTOMER_CANCELLED));
    }

    @Test
    void cancelling_once_the_restaurant_is_preparing_is_a_conflict() {
        fixture.given(PLACED, AUTHORIZED, ACCEPTED)
                .when(new CancelOrder(ORDER, CUSTOMER))
                .expectException(OrderStateConflictException.class)
                .expectExceptionMessage("Cannot cancel an order that is PREPARING")
                .expectNoEvents();
    }

    @Test
    void another_customer_cannot_cancel_the_order() {
        fixture.given(PLACED)
                .when(new CancelOrder(ORDER, OTHER))
                .expectException(OrderNotFoundException.class)
                .expectNoEvents();
    }

    private static Money inr(long amountMinor) {
        return new Money(amountMinor, "INR");
    }

    private static Object[] with(Object[] history, Object... later) {
        Object[] events = Arrays.copyOf(history, history.length + later.length);
        System.arraycopy(later, 0, events, history.length, later.length);
        return events;
    }
}
