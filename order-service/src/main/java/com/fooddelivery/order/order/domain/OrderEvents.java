package com.fooddelivery.order.order.domain;

import java.time.Instant;
import java.util.UUID;

/** What happened to an order after it was placed ({@link OrderPlacedEvent}); internal to order-service. */
public final class OrderEvents {

    private OrderEvents() {}

    public record PaymentAuthorizedForOrder(UUID orderId) {}

    public record OrderAcceptedByRestaurant(UUID orderId, int prepTimeMinutes, Instant estimatedReadyAt) {}

    public record OrderReadyForPickup(UUID orderId) {}

    public record CourierAssignedToOrder(UUID orderId, UUID courierId, UUID deliveryId) {}

    public record OrderPickedUp(UUID orderId) {}

    public record OrderDelivered(UUID orderId) {}

    public record OrderPaymentCaptured(UUID orderId) {}

    /** Final: the order will not be fulfilled; any authorization must be voided. */
    public record OrderRejected(UUID orderId, OrderEndReason reason, String detail) {}

    /** Final: the order will not be fulfilled; any authorization must be voided, any courier released. */
    public record OrderCancelled(UUID orderId, OrderEndReason reason) {}
}
