package com.fooddelivery.order.order.messaging;

import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.order.Courier;
import com.fooddelivery.contracts.order.OrderDetails;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.contracts.order.OrderStatusReason;
import com.fooddelivery.contracts.order.StatusChange;
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
import com.fooddelivery.order.order.domain.OrderPlacedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order's complete state in its published form, after the aggregate event with sequence {@code sequence}. Pure:
 * {@link #apply} folds the next event into a new snapshot; the times of timeline entries are the events' own
 * timestamps, so the same events always give the same snapshot.
 *
 * <p>Some events change the order without moving its status, so they append no timeline entry: a courier assignment
 * (sets {@code courier}), a courier losing the delivery before pickup (clears it until the next assignment), and the
 * money after delivery, which changes only {@code payment}: a payment that needs attention sets
 * {@code payment.attention}, the capture clears it, a paid refund adds to {@code payment.refunded}; a refund requested
 * or failed changes nothing published but the sequence.
 */
record OrderSnapshot(
        UUID orderId,
        long sequence,
        OrderStatus status,
        OrderDetails details,
        List<StatusChange> timeline,
        Courier courier,
        Instant estimatedReadyAt,
        OrderPayment payment) {

    OrderSnapshot {
        timeline = List.copyOf(timeline);
    }

    /** The first snapshot of an order. */
    static OrderSnapshot placed(OrderPlacedEvent event, long sequence) {
        OrderDetails details = new OrderDetails(
                event.customerId(),
                event.restaurantId(),
                event.restaurantName(),
                event.lines().stream().map(ContractMapping::line).toList(),
                ContractMapping.money(event.total()),
                PaymentMethod.valueOf(event.paymentMethod().name()),
                ContractMapping.address(event.deliveryAddress()),
                event.placedAt());
        return new OrderSnapshot(
                event.orderId(),
                sequence,
                OrderStatus.PENDING,
                details,
                List.of(new StatusChange(OrderStatus.PENDING, null, event.placedAt())),
                null,
                null,
                new OrderPayment(new Money(0, details.total().currency()), null));
    }

    /**
     * The order after {@code event}, the aggregate's event number {@code sequence}, which happened {@code at}.
     *
     * @throws IllegalArgumentException for an event that is not a change of an existing order
     */
    OrderSnapshot apply(Object event, long sequence, Instant at) {
        return switch (event) {
            case PaymentAuthorizedForOrder e -> moveTo(sequence, OrderStatus.AWAITING_RESTAURANT, null, at);
            case OrderAcceptedByRestaurant e ->
                moveTo(sequence, OrderStatus.PREPARING, null, at).withEstimatedReadyAt(e.estimatedReadyAt());
            case OrderReadyForPickup e -> moveTo(sequence, OrderStatus.READY_FOR_PICKUP, null, at);
            case CourierAssignedToOrder e -> withCourier(sequence, new Courier(e.courierId(), e.deliveryId()));
            case CourierUnassignedFromOrder e -> withCourier(sequence, null);
            case OrderPickedUp e -> moveTo(sequence, OrderStatus.OUT_FOR_DELIVERY, null, at);
            case OrderDelivered e -> moveTo(sequence, OrderStatus.DELIVERED, null, at);
            case OrderPaymentCaptured e -> withPayment(sequence, new OrderPayment(payment.refunded(), null));
            case PaymentNeedsAttention e -> withPayment(sequence, new OrderPayment(payment.refunded(), e.reason()));
            case RefundRequested e -> withPayment(sequence, payment);
            case OrderRefunded e ->
                withPayment(
                        sequence,
                        new OrderPayment(
                                new Money(
                                        Math.addExact(
                                                payment.refunded().amountMinor(),
                                                e.amount().amountMinor()),
                                        payment.refunded().currency()),
                                payment.attention()));
            case RefundFailed e -> withPayment(sequence, payment);
            case OrderRejected e -> moveTo(sequence, OrderStatus.REJECTED, reason(e.reason()), at);
            case OrderCancelled e -> moveTo(sequence, OrderStatus.CANCELLED, reason(e.reason()), at);
            default ->
                throw new IllegalArgumentException(
                        "Not a change of an existing order: " + event.getClass().getName());
        };
    }

    OrderPlaced toOrderPlaced() {
        return new OrderPlaced(orderId, sequence, status, details, timeline, courier, estimatedReadyAt, payment);
    }

    OrderStatusChanged toStatusChanged() {
        return new OrderStatusChanged(orderId, sequence, status, details, timeline, courier, estimatedReadyAt, payment);
    }

    static OrderStatusReason reason(OrderEndReason reason) {
        return OrderStatusReason.valueOf(reason.name());
    }

    private OrderSnapshot moveTo(long next, OrderStatus newStatus, OrderStatusReason reason, Instant at) {
        List<StatusChange> longer = new ArrayList<>(timeline);
        longer.add(new StatusChange(newStatus, reason, at));
        return new OrderSnapshot(orderId, next, newStatus, details, longer, courier, estimatedReadyAt, payment);
    }

    private OrderSnapshot withEstimatedReadyAt(Instant readyAt) {
        return new OrderSnapshot(orderId, sequence, status, details, timeline, courier, readyAt, payment);
    }

    private OrderSnapshot withCourier(long next, Courier newCourier) {
        return new OrderSnapshot(orderId, next, status, details, timeline, newCourier, estimatedReadyAt, payment);
    }

    private OrderSnapshot withPayment(long next, OrderPayment newPayment) {
        return new OrderSnapshot(orderId, next, status, details, timeline, courier, estimatedReadyAt, newPayment);
    }
}
