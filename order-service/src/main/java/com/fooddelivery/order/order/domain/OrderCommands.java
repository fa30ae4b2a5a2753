package com.fooddelivery.order.order.domain;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on an existing order, from the apps (restaurant, customer), from other services' replies, and deadlines. */
public final class OrderCommands {

    private OrderCommands() {}

    public record RecordPaymentAuthorized(
            @TargetAggregateIdentifier UUID orderId) {}

    public record RecordPaymentDeclined(
            @TargetAggregateIdentifier UUID orderId, String declineCode) {}

    /** The payment deadline passed: rejects the order unless the authorization won the race. */
    public record ExpirePaymentWait(
            @TargetAggregateIdentifier UUID orderId) {}

    public record AcceptOrder(@TargetAggregateIdentifier UUID orderId, UUID restaurantId, int prepTimeMinutes) {}

    public record RejectOrder(@TargetAggregateIdentifier UUID orderId, UUID restaurantId, String reason) {}

    /** The restaurant deadline passed: rejects the order unless the restaurant answered first. */
    public record ExpireRestaurantWait(
            @TargetAggregateIdentifier UUID orderId) {}

    public record MarkReady(@TargetAggregateIdentifier UUID orderId, UUID restaurantId) {}

    public record RecordCourierAssigned(
            @TargetAggregateIdentifier UUID orderId, UUID courierId, UUID deliveryId) {}

    /** delivery-service took the delivery away from {@code courierId} before pickup and looks for another courier. */
    public record RecordCourierUnassigned(
            @TargetAggregateIdentifier UUID orderId, UUID courierId, String reason) {}

    /** The courier deadline passed, or delivery-service gave up: cancels the order unless a courier came first. */
    public record GiveUpOnCourier(@TargetAggregateIdentifier UUID orderId) {}

    public record RecordPickedUp(@TargetAggregateIdentifier UUID orderId) {}

    public record RecordDelivered(@TargetAggregateIdentifier UUID orderId) {}

    /** The courier had the food and could not hand it over (delivery-service keeps their reason). */
    public record RecordDeliveryFailed(
            @TargetAggregateIdentifier UUID orderId) {}

    public record RecordPaymentCaptured(
            @TargetAggregateIdentifier UUID orderId) {}

    /** payment-service could not capture the delivered order's payment; {@code code} is its PaymentCaptureFailed code. */
    public record RecordCaptureFailed(
            @TargetAggregateIdentifier UUID orderId, String code) {}

    /**
     * The saga gave up waiting for an answer about the money (the capture deadline passed): a person must look,
     * unless the answer won the race.
     */
    public record FlagPaymentAttention(
            @TargetAggregateIdentifier UUID orderId, String reason) {}

    public record CancelOrder(@TargetAggregateIdentifier UUID orderId, UUID customerId) {}

    /**
     * Give back {@code amountMinor} of the order's currency (the caller cannot name another: an order is paid in one).
     * {@code refundId} names the refund, so a retried request asks for it once. {@code restaurantId} is the staff's
     * restaurant, null for an ADMIN, who may refund any order. Answered with the refund's amount.
     */
    public record RequestRefund(
            @TargetAggregateIdentifier UUID orderId,
            UUID refundId,
            long amountMinor,
            String reason,
            UUID restaurantId) {

        public RequestRefund {
            if (amountMinor < 1) {
                throw new IllegalArgumentException("A refund is at least 1 minor unit: " + amountMinor);
            }
        }
    }

    /** payment-service gave {@code amount} back for the refund {@code refundId}. */
    public record RecordRefundPaid(
            @TargetAggregateIdentifier UUID orderId, UUID refundId, Money amount) {}

    /** payment-service did not pay the refund {@code refundId}; {@code code} is its PaymentRefundFailed code. */
    public record RecordRefundFailed(
            @TargetAggregateIdentifier UUID orderId, UUID refundId, String code) {}
}
