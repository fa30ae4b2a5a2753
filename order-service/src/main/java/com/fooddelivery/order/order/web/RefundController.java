package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderCommands.RequestRefund;
import com.fooddelivery.order.shared.axon.RetryOnConcurrentChange;
import com.fooddelivery.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff of the order's restaurant or an ADMIN give money back after delivery. The answer is 202: the refund is
 * recorded and asked of payment-service; the order's {@code payment.refunded} shows it once paid. Another
 * restaurant's order answers 404, as for every action on it (the path names no restaurant, so there is nothing to
 * refuse with 403); the aggregate refuses a refund before the capture (409 {@code order-state-conflict}) or beyond it
 * (409 {@code refund-exceeds-capture}).
 */
@RestController
class RefundController {

    private final RetryOnConcurrentChange commands;

    RefundController(RetryOnConcurrentChange commands) {
        this.commands = commands;
    }

    /** The amount is in the order's currency, the only one it was paid in, so the request names none. */
    record RefundRequest(
            @NotNull @Min(1) Long amountMinor,
            @NotBlank @Size(max = 200) String reason) {}

    record RefundAccepted(UUID refundId, UUID orderId, Money amount, String status) {}

    /**
     * With an {@code Idempotency-Key} the refund id is derived from (order, caller, key): a retry the idempotency
     * filter lets through again (a response lost after the commit) names the same refund, which the order requests
     * once. Without a key every request is a new refund.
     */
    @PostMapping("/orders/{orderId}/refunds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RefundAccepted refund(
            Caller caller,
            @PathVariable UUID orderId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody RefundRequest request) {
        UUID refundId = idempotencyKey == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("refund/" + orderId + "/" + caller.subject() + "/" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8));
        Money amount = commands.sendAndWait(new RequestRefund(
                orderId, refundId, request.amountMinor(), request.reason().strip(), refundingRestaurant(caller)));
        return new RefundAccepted(refundId, orderId, amount, "REQUESTED");
    }

    /** Null for an ADMIN, who refunds any order; else the staff's restaurant (403 for a token without one). */
    private static UUID refundingRestaurant(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        caller.requireActsFor(caller.restaurantId());
        return caller.restaurantId();
    }
}
