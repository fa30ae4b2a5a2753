package com.fooddelivery.order.order.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.messaging.outbox.Outbox;
import com.fooddelivery.order.order.domain.OrderCommands.ExpirePaymentWait;
import com.fooddelivery.order.order.domain.OrderCommands.ExpireRestaurantWait;
import com.fooddelivery.order.order.domain.OrderCommands.FlagPaymentAttention;
import com.fooddelivery.order.order.domain.OrderCommands.GiveUpOnCourier;
import com.fooddelivery.order.order.domain.OrderEvents.CourierAssignedToOrder;
import com.fooddelivery.order.order.domain.OrderEvents.CourierUnassignedFromOrder;
import com.fooddelivery.order.order.domain.OrderEvents.OrderAcceptedByRestaurant;
import com.fooddelivery.order.order.domain.OrderEvents.OrderCancelled;
import com.fooddelivery.order.order.domain.OrderEvents.OrderDelivered;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRejected;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentAuthorizedForOrder;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentNeedsAttention;
import com.fooddelivery.order.order.domain.OrderPlacedEvent;
import com.fooddelivery.order.shared.axon.AxonMessageContext;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Orchestrates one order: authorize the payment, wait for the restaurant, find a courier, capture on delivery, and
 * hand the payment to a person when the capture fails or is not confirmed in time. It
 * decides nothing about races: when it waits too long it asks the Order aggregate to give up, and the aggregate
 * answers with the path that actually won. Every final outcome other than delivery voids the payment (a void that
 * overtakes nothing is harmless; payment-service processes it after any authorization of the same order, which is on
 * the same partition), and releases a courier that was requested.
 *
 * <p>Messages to other services go through the outbox in the same transaction as the event being handled (this saga
 * runs in a subscribing processor); deadlines are persisted, so they survive a restart.
 *
 * <p>The saga waits for one answer at a time, so it holds at most one open deadline, and cancels it by the id that
 * {@code schedule} returned. Never by scope: {@code DbSchedulerDeadlineManager.cancelAllWithinScope} loads and
 * deserializes every scheduled deadline of every order, which made each step cost O(open orders). A deadline the saga
 * could not cancel (one that fires as it is cancelled) is harmless: the aggregate ignores an expiry once the answer
 * it was waiting for has arrived.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OrderFulfilmentSaga {

    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String RESTAURANT_DEADLINE = "restaurant-deadline";
    static final String COURIER_DEADLINE = "courier-deadline";
    static final String CAPTURE_DEADLINE = "capture-deadline";

    /** Why the payment of an order needs a person when payment-service did not answer its capture in time. */
    static final String CAPTURE_NOT_CONFIRMED = "CAPTURE_NOT_CONFIRMED";

    @Autowired
    private transient Outbox outbox;

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient DeadlineManager deadlines;

    @Autowired
    private transient OrderTimeouts timeouts;

    private UUID orderId;
    private Money total;
    private RequestCourier courierRequest;
    private boolean courierRequested;
    private String openDeadlineName;
    private String openDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlacedEvent placed, EventMessage<?> message) {
        orderId = placed.orderId();
        total = new Money(placed.total().amountMinor(), placed.total().currency());
        courierRequest = new RequestCourier(
                orderId,
                placed.restaurantId(),
                placed.restaurantName(),
                new GeoPoint(
                        placed.restaurantLocation().lat(),
                        placed.restaurantLocation().lon()),
                new DeliveryAddress(
                        placed.deliveryAddress().line1(),
                        placed.deliveryAddress().city(),
                        placed.deliveryAddress().lat(),
                        placed.deliveryAddress().lon()));
        send(
                new AuthorizePayment(
                        orderId,
                        placed.customerId(),
                        total,
                        PaymentMethod.valueOf(placed.paymentMethod().name())),
                message);
        waitAtMost(timeouts.payment(), PAYMENT_DEADLINE);
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(PaymentAuthorizedForOrder authorized) {
        waitAtMost(timeouts.restaurant(), RESTAURANT_DEADLINE);
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderAcceptedByRestaurant accepted, EventMessage<?> message) {
        send(courierRequest, message);
        courierRequested = true;
        waitAtMost(timeouts.courier(), COURIER_DEADLINE);
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(CourierAssignedToOrder assigned) {
        stopWaiting();
    }

    /**
     * The courier lost the delivery before pickup and delivery-service looks for the next one: wait for that courier
     * as for the first. The courier request stays; delivery-service answers it with the next CourierAssigned, or
     * NoCourierAvailable.
     */
    @SagaEventHandler(associationProperty = "orderId")
    void on(CourierUnassignedFromOrder unassigned) {
        waitAtMost(timeouts.courier(), COURIER_DEADLINE);
    }

    /** payment-service answers PaymentCaptured or PaymentCaptureFailed; silence beyond the deadline needs a person. */
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderDelivered delivered, EventMessage<?> message) {
        send(new CapturePayment(orderId, total), message);
        waitAtMost(timeouts.capture(), CAPTURE_DEADLINE);
    }

    /** The order is delivered and paid for: nothing is left to coordinate (refunds need no saga). */
    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPaymentCaptured captured) {
        stopWaiting();
    }

    /**
     * The capture failed or was not confirmed in time: a person takes the payment over, so the saga has nothing left
     * to wait for. A capture that arrives after all is still recorded by the aggregate.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(PaymentNeedsAttention attention) {
        stopWaiting();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderRejected rejected, EventMessage<?> message) {
        giveUp(message);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelled cancelled, EventMessage<?> message) {
        giveUp(message);
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void paymentDeadlinePassed() {
        deadlineFired();
        commands.sendAndWait(new ExpirePaymentWait(orderId));
    }

    @DeadlineHandler(deadlineName = RESTAURANT_DEADLINE)
    void restaurantDeadlinePassed() {
        deadlineFired();
        commands.sendAndWait(new ExpireRestaurantWait(orderId));
    }

    @DeadlineHandler(deadlineName = COURIER_DEADLINE)
    void courierDeadlinePassed() {
        deadlineFired();
        commands.sendAndWait(new GiveUpOnCourier(orderId));
    }

    @DeadlineHandler(deadlineName = CAPTURE_DEADLINE)
    void captureDeadlinePassed() {
        deadlineFired();
        commands.sendAndWait(new FlagPaymentAttention(orderId, CAPTURE_NOT_CONFIRMED));
    }

    private void giveUp(EventMessage<?> cause) {
        stopWaiting();
        send(new VoidPayment(orderId), cause);
        if (courierRequested) {
            send(new CancelCourierRequest(orderId), cause);
        }
    }

    /** Replaces the open deadline, if any, with a new one. */
    private void waitAtMost(Duration timeout, String deadlineName) {
        stopWaiting();
        openDeadlineId = deadlines.schedule(timeout, deadlineName);
        openDeadlineName = deadlineName;
    }

    private void deadlineFired() {
        openDeadlineName = null;
        openDeadlineId = null;
    }

    private void stopWaiting() {
        if (openDeadlineId != null) {
            deadlines.cancelSchedule(openDeadlineName, openDeadlineId);
            openDeadlineName = null;
            openDeadlineId = null;
        }
    }

    private void send(Object integrationMessage, EventMessage<?> cause) {
        outbox.send(orderId.toString(), integrationMessage, cause.getTimestamp(), AxonMessageContext.of(cause));
    }
}
