package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.domain.OrderCommands.AcceptOrder;
import com.fooddelivery.order.order.domain.OrderCommands.CancelOrder;
import com.fooddelivery.order.order.domain.OrderCommands.MarkReady;
import com.fooddelivery.order.order.domain.OrderCommands.RejectOrder;
import com.fooddelivery.order.shared.axon.RetryOnConcurrentChange;
import com.fooddelivery.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people do to an order after placing it: the restaurant accepts, rejects or marks it ready; the customer
 * cancels. Each is allowed only in the right state (409 otherwise, naming the current status). Staff act only for
 * the restaurant their token names (403 otherwise); an order of another restaurant or customer answers 404. An
 * action that races a reply, a deadline or another request is decided on the order's state after the change that
 * won ({@link RetryOnConcurrentChange}): it succeeds or answers 409, never 500.
 */
@RestController
class OrderActionsController {

    private final RetryOnConcurrentChange commands;

    OrderActionsController(RetryOnConcurrentChange commands) {
        this.commands = commands;
    }

    record OrderAction(UUID orderId, String status) {}

    record Acceptance(@NotNull @Min(1) @Max(180) Integer prepTimeMinutes) {}

    record Rejection(@NotBlank @Size(max = 300) String reason) {}

    @PostMapping("/restaurants/{restaurantId}/orders/{orderId}/accept")
    OrderAction accept(
            Caller caller,
            @PathVariable UUID restaurantId,
            @PathVariable UUID orderId,
            @Valid @RequestBody Acceptance acceptance) {
        caller.requireActsFor(restaurantId);
        commands.sendAndWait(new AcceptOrder(orderId, restaurantId, acceptance.prepTimeMinutes()));
        return new OrderAction(orderId, "PREPARING");
    }

    @PostMapping("/restaurants/{restaurantId}/orders/{orderId}/reject")
    OrderAction reject(
            Caller caller,
            @PathVariable UUID restaurantId,
            @PathVariable UUID orderId,
            @Valid @RequestBody Rejection rejection) {
        caller.requireActsFor(restaurantId);
        commands.sendAndWait(
                new RejectOrder(orderId, restaurantId, rejection.reason().strip()));
        return new OrderAction(orderId, "REJECTED");
    }

    @PostMapping("/restaurants/{restaurantId}/orders/{orderId}/ready")
    OrderAction ready(Caller caller, @PathVariable UUID restaurantId, @PathVariable UUID orderId) {
        caller.requireActsFor(restaurantId);
        commands.sendAndWait(new MarkReady(orderId, restaurantId));
        return new OrderAction(orderId, "READY_FOR_PICKUP");
    }

    @PostMapping("/orders/{orderId}/cancel")
    OrderAction cancel(Caller caller, @PathVariable UUID orderId) {
        commands.sendAndWait(new CancelOrder(orderId, caller.requireCustomer()));
        return new OrderAction(orderId, "CANCELLED");
    }
}
