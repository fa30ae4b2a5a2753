package com.fooddelivery.payment.payment.domain;

import java.util.UUID;

/**
 * What a command on a payment comes to: the answer to send, nothing yet because a provider call must answer first,
 * or a refusal that is logged and counted unanswered.
 */
public sealed interface PaymentOutcome {

    UUID orderId();

    record Authorized(UUID orderId, Money amount, String authorizationId) implements PaymentOutcome {}

    record Declined(UUID orderId, String code, String reason) implements PaymentOutcome {}

    record Captured(UUID orderId, Money amount) implements PaymentOutcome {}

    /** The capture was refused or the provider never confirmed it; the order needs a person. */
    record CaptureFailed(UUID orderId, Money amount, String code, String reason) implements PaymentOutcome {}

    record Voided(UUID orderId) implements PaymentOutcome {}

    record Refunded(UUID orderId, UUID refundId, Money amount) implements PaymentOutcome {}

    record RefundFailed(UUID orderId, UUID refundId, Money amount, String code, String reason)
            implements PaymentOutcome {}

    /** A provider call was recorded (or is already under way); its outcome is the answer. */
    record Pending(UUID orderId) implements PaymentOutcome {}

    /** The command asks for a transition the payment cannot make; {@code code} names the rule, for metrics. */
    record Refused(UUID orderId, String code, String detail) implements PaymentOutcome {}
}
