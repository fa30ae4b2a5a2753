package com.fooddelivery.order.order.domain;

import java.time.Instant;
import java.util.UUID;

/** What happened to an order after it was placed ({@link OrderPlacedEvent}); internal to order-service. */
public final class OrderEvents {

    private OrderEvents() {}

    /** A change of an order after it was placed; every event here is one. */
    public sealed interface OrderChange {
        UUID orderId();
    }

    public record PaymentAuthorizedForOrder(UUID orderId) implements OrderChange {}

    public record OrderAcceptedByRestaurant(UUID orderId, int prepTimeMinutes, Instant estimatedReadyAt)
            implements OrderChange {}

    public record OrderReadyForPickup(UUID orderId) implements OrderChange {}

    public record CourierAssignedToOrder(UUID orderId, UUID courierId, UUID deliveryId) implements OrderChange {}

    /**
     * The assigned courier lost the delivery before pickup (silent, or not picked up in time); delivery-service looks
     * for another. {@code reason} is delivery-service's (CourierUnassigned.Reason).
     */
    public record CourierUnassignedFromOrder(UUID orderId, UUID courierId, String reason) implements OrderChange {}

    public record OrderPickedUp(UUID orderId) implements OrderChange {}

    public record OrderDelivered(UUID orderId) implements OrderChange {}

    /** The payment was captured; clears a {@link PaymentNeedsAttention} that an earlier silence or failure raised. */
    public record OrderPaymentCaptured(UUID orderId) implements OrderChange {}

    /**
     * The delivered order's payment was not captured and nobody will try again by themselves: a person must look.
     * {@code reason} is {@code CAPTURE_NOT_CONFIRMED} (no answer in time) or the code of the failed capture.
     */
    public record PaymentNeedsAttention(UUID orderId, String reason) implements OrderChange {}

    /** A person asked to give {@code amount} back; payment-service is asked to pay it (RefundPayment). */
    public record RefundRequested(UUID orderId, UUID refundId, Money amount, String reason) implements OrderChange {}

    /** The refund {@code refundId} was paid: {@code amount} is back with the customer. */
    public record OrderRefunded(UUID orderId, UUID refundId, Money amount) implements OrderChange {}

    /** The refund {@code refundId} was not paid ({@code code} is payment-service's); its amount may be asked again. */
    public record RefundFailed(UUID orderId, UUID refundId, String code) implements OrderChange {}

    /** Final: the order will not be fulfilled; any authorization must be voided. */
    public record OrderRejected(UUID orderId, OrderEndReason reason, String detail) implements OrderChange {}

    /** Final: the order will not be fulfilled; any authorization must be voided, any courier released. */
    public record OrderCancelled(UUID orderId, OrderEndReason reason) implements OrderChange {}
}
