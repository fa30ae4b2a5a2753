package com.fooddelivery.order.order.saga;

import static com.fooddelivery.order.order.saga.OrderFulfilmentSaga.CAPTURE_DEADLINE;
import static com.fooddelivery.order.order.saga.OrderFulfilmentSaga.COURIER_DEADLINE;
import static com.fooddelivery.order.order.saga.OrderFulfilmentSaga.PAYMENT_DEADLINE;
import static com.fooddelivery.order.order.saga.OrderFulfilmentSaga.RESTAURANT_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.order.order.domain.DeliveryAddress;
import com.fooddelivery.order.order.domain.GeoLocation;
import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderCommands.ExpirePaymentWait;
import com.fooddelivery.order.order.domain.OrderCommands.ExpireRestaurantWait;
import com.fooddelivery.order.order.domain.OrderCommands.FlagPaymentAttention;
import com.fooddelivery.order.order.domain.OrderCommands.GiveUpOnCourier;
import com.fooddelivery.order.order.domain.OrderEndReason;
import com.fooddelivery.order.order.domain.OrderEvents.CourierAssignedToOrder;
import com.fooddelivery.order.order.domain.OrderEvents.CourierUnassignedFromOrder;
import com.fooddelivery.order.order.domain.OrderEvents.OrderAcceptedByRestaurant;
import com.fooddelivery.order.order.domain.OrderEvents.OrderCancelled;
import com.fooddelivery.order.order.domain.OrderEvents.OrderDelivered;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPickedUp;
import com.fooddelivery.order.order.domain.OrderEvents.OrderReadyForPickup;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRejected;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentAuthorizedForOrder;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentNeedsAttention;
import com.fooddelivery.order.order.domain.OrderLine;
import com.fooddelivery.order.order.domain.OrderPlacedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every branch of the order-fulfilment saga: each step, each failure reply, each deadline, each compensation. */
class OrderFulfilmentSagaTest {

    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    private static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    private static final UUID COURIER = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c01");
    private static final UUID DELIVERY = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a80");
    private static final Money TOTAL = new Money(28500, "INR");
    private static final com.fooddelivery.contracts.common.Money TOTAL_IN_MESSAGES =
            new com.fooddelivery.contracts.common.Money(28500, "INR");
    private static final OrderTimeouts TIMEOUTS = new OrderTimeouts(
            Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(10));

    private static final OrderPlacedEvent PLACED = new OrderPlacedEvent(
            ORDER,
            CUSTOMER,
            RESTAURANT,
            "Saravana Bhavan",
            new GeoLocation(12.9719, 77.6412),
            List.of(new OrderLine(
                    UUID.randomUUID(), "Masala Dosa", 2, new Money(12000, "INR"), new Money(24000, "INR"))),
            TOTAL,
            com.fooddelivery.order.order.domain.PaymentMethod.CARD,
            new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59),
            Instant.parse("2026-11-22T06:30:00Z"));
    private static final PaymentAuthorizedForOrder AUTHORIZED = new PaymentAuthorizedForOrder(ORDER);
    private static final OrderAcceptedByRestaurant ACCEPTED =
            new OrderAcceptedByRestaurant(ORDER, 20, Instant.parse("2026-11-22T06:51:00Z"));
    private static final CourierAssignedToOrder COURIER_ASSIGNED = new CourierAssignedToOrder(ORDER, COURIER, DELIVERY);
    private static final UUID SECOND_COURIER = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c02");
    private static final CourierUnassignedFromOrder COURIER_LOST =
            new CourierUnassignedFromOrder(ORDER, COURIER, "COURIER_SILENT");

    private SagaTestFixture<OrderFulfilmentSaga> fixture;
    private RecordingOutbox outbox;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        outbox = new RecordingOutbox();
        fixture.registerResource(outbox);
        fixture.registerResource(TIMEOUTS);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void a_placed_order_asks_for_payment_authorization_of_its_total_and_waits_for_the_answer() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(PLACED)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectScheduledDeadlineWithName(TIMEOUTS.payment(), PAYMENT_DEADLINE)
                .expectNoDispatchedCommands();

        assertThat(outbox.messages())
                .containsExactly(new AuthorizePayment(ORDER, CUSTOMER, TOTAL_IN_MESSAGES, PaymentMethod.CARD));
        assertThat(outbox.keys()).containsOnly(ORDER.toString());
    }

    @Test
    void an_authorized_payment_stops_the_payment_clock_and_starts_the_restaurants() {
        fixture.givenAPublished(PLACED)
                .whenPublishingA(AUTHORIZED)
                .expectNoScheduledDeadlineWithName(TIMEOUTS.payment(), PAYMENT_DEADLINE)
                .expectScheduledDeadlineWithName(TIMEOUTS.restaurant(), RESTAURANT_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void no_payment_answer_in_time_asks_the_order_to_stop_waiting_for_payment() {
        fixture.givenAPublished(PLACED)
                .whenTimeElapses(TIMEOUTS.payment())
                .expectDispatchedCommands(new ExpirePaymentWait(ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void no_restaurant_answer_in_time_asks_the_order_to_stop_waiting_for_the_restaurant() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .whenTimeElapses(TIMEOUTS.restaurant())
                .expectDispatchedCommands(new ExpireRestaurantWait(ORDER));
    }

    @Test
    void an_accepted_order_requests_the_nearest_courier_from_the_restaurant_to_the_customer() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(ACCEPTED)
                .expectNoScheduledDeadlineWithName(TIMEOUTS.restaurant(), RESTAURANT_DEADLINE)
                .expectScheduledDeadlineWithName(TIMEOUTS.courier(), COURIER_DEADLINE);

        assertThat(outbox.messages())
                .last()
                .isEqualTo(new RequestCourier(
                        ORDER,
                        RESTAURANT,
                        "Saravana Bhavan",
                        new GeoPoint(12.9719, 77.6412),
                        new com.fooddelivery.contracts.common.DeliveryAddress(
                                "12 MG Road", "Bengaluru", 12.97, 77.59)));
    }

    @Test
    void an_assigned_courier_stops_the_courier_clock() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .whenPublishingA(COURIER_ASSIGNED)
                .expectNoScheduledDeadlineWithName(TIMEOUTS.courier(), COURIER_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void no_courier_in_time_asks_the_order_to_give_up_on_a_courier() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .whenTimeElapses(TIMEOUTS.courier())
                .expectDispatchedCommands(new GiveUpOnCourier(ORDER));
    }

    @Test
    void a_courier_who_loses_the_delivery_starts_the_courier_clock_again_without_a_second_request() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .whenPublishingA(COURIER_LOST)
                .expectScheduledDeadlineWithName(TIMEOUTS.courier(), COURIER_DEADLINE)
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();

        assertThat(outbox.messages())
                .as("delivery-service offers the same delivery to the next courier by itself")
                .filteredOn(RequestCourier.class::isInstance)
                .hasSize(1);
    }

    @Test
    void the_next_courier_stops_the_courier_clock_again() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .andThenAPublished(COURIER_LOST)
                .whenPublishingA(new CourierAssignedToOrder(ORDER, SECOND_COURIER, DELIVERY))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void no_next_courier_in_time_asks_the_order_to_give_up_on_a_courier() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .andThenAPublished(COURIER_LOST)
                .whenTimeElapses(TIMEOUTS.courier())
                .expectDispatchedCommands(new GiveUpOnCourier(ORDER));
    }

    @Test
    void cancelling_for_lack_of_a_next_courier_voids_the_payment_and_withdraws_the_courier_request() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .andThenAPublished(COURIER_LOST)
                .whenPublishingA(new OrderCancelled(ORDER, OrderEndReason.NO_COURIER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(outbox.messages()).endsWith(new VoidPayment(ORDER), new CancelCourierRequest(ORDER));
    }

    @Test
    void a_delivery_that_failed_after_pickup_voids_the_payment_so_the_customer_pays_nothing_and_ends() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .andThenAPublished(new OrderPickedUp(ORDER))
                .whenPublishingA(new OrderCancelled(ORDER, OrderEndReason.DELIVERY_FAILED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(outbox.messages()).noneMatch(CapturePayment.class::isInstance);
        assertThat(outbox.messages()).endsWith(new VoidPayment(ORDER), new CancelCourierRequest(ORDER));
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderEndReason.class,
            names = {"PAYMENT_DECLINED", "PAYMENT_TIMEOUT"})
    void a_rejection_while_waiting_for_payment_voids_the_payment_and_ends(OrderEndReason reason) {
        fixture.givenAPublished(PLACED)
                .whenPublishingA(new OrderRejected(ORDER, reason, "detail"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(outbox.messages()).last().isEqualTo(new VoidPayment(ORDER));
        assertThat(outbox.messages()).noneMatch(CancelCourierRequest.class::isInstance);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderEndReason.class,
            names = {"RESTAURANT_REJECTED", "RESTAURANT_TIMEOUT"})
    void a_rejection_by_or_for_the_restaurant_voids_the_authorized_payment_and_ends(OrderEndReason reason) {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(new OrderRejected(ORDER, reason, "detail"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(outbox.messages()).last().isEqualTo(new VoidPayment(ORDER));
    }

    @Test
    void a_customer_cancellation_before_acceptance_voids_the_payment_and_ends() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(new OrderCancelled(ORDER, OrderEndReason.CUSTOMER_CANCELLED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(outbox.messages()).last().isEqualTo(new VoidPayment(ORDER));
        assertThat(outbox.messages()).noneMatch(CancelCourierRequest.class::isInstance);
    }

    @Test
    void cancelling_for_lack_of_a_courier_voids_the_payment_and_withdraws_the_courier_request() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .whenPublishingA(new OrderCancelled(ORDER, OrderEndReason.NO_COURIER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(outbox.messages()).endsWith(new VoidPayment(ORDER), new CancelCourierRequest(ORDER));
    }

    @Test
    void a_delivered_order_captures_its_total_once_and_waits_for_the_capture_at_most_the_capture_timeout() {
        fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .andThenAPublished(new OrderReadyForPickup(ORDER))
                .andThenAPublished(new OrderPickedUp(ORDER))
                .whenPublishingA(new OrderDelivered(ORDER))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(TIMEOUTS.capture(), CAPTURE_DEADLINE);

        assertThat(outbox.messages())
                .filteredOn(CapturePayment.class::isInstance)
                .containsExactly(new CapturePayment(ORDER, TOTAL_IN_MESSAGES));
        assertThat(outbox.messages()).noneMatch(VoidPayment.class::isInstance);
    }

    @Test
    void the_recorded_capture_stops_the_capture_clock_and_ends_the_saga() {
        givenDelivered()
                .whenPublishingA(new OrderPaymentCaptured(ORDER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void no_capture_answer_in_time_asks_the_order_to_flag_its_payment_for_a_person() {
        givenDelivered()
                .whenTimeElapses(TIMEOUTS.capture())
                .expectDispatchedCommands(new FlagPaymentAttention(ORDER, "CAPTURE_NOT_CONFIRMED"));
    }

    @Test
    void a_payment_that_needs_a_person_ends_the_saga_without_voiding_or_capturing_again() {
        givenDelivered()
                .whenPublishingA(new PaymentNeedsAttention(ORDER, "NOT_AUTHORIZED"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();

        assertThat(outbox.messages()).noneMatch(VoidPayment.class::isInstance);
        assertThat(outbox.messages())
                .filteredOn(CapturePayment.class::isInstance)
                .hasSize(1);
    }

    private ContinuedGivenState givenDelivered() {
        return fixture.givenAPublished(PLACED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(ACCEPTED)
                .andThenAPublished(COURIER_ASSIGNED)
                .andThenAPublished(new OrderPickedUp(ORDER))
                .andThenAPublished(new OrderDelivered(ORDER));
    }
}
