package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.domain.OrderCommands.AcceptOrder;
import com.fooddelivery.order.order.domain.OrderCommands.CancelOrder;
import com.fooddelivery.order.order.domain.OrderCommands.MarkReady;
import com.fooddelivery.order.order.domain.OrderCommands.RejectOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people do to an order after placing it: the restaurant accepts, rejects or marks it ready; the customer
 * cancels. Each is allowed only in the right state (409 otherwise, naming the current status); another restaurant's
 * or customer's order answers 404. Until authentication lands, the restaurant is the one in the path and the
 * customer is named by the {@code X-Customer-Id} header.
 */
@RestController
class OrderActionsController {

    private final CommandGateway commands;

    OrderActionsController(CommandGateway commands) {
        this.commands = commands;
    }

    record OrderAction(UUID orderId, String status) {}

    record Acceptance(@NotNull @Min(1) @Max(180) Integer prepTimeMinutes) {}

    record Rejection(@NotBlank @Size(max = 300) String reason) {}

    @PostMapping("/restaurants/{restaurantId}/orders/{orderId}/accept")
    OrderAction accept(
            @PathVariable UUID restaurantId, @PathVariable UUID orderId, @Valid @RequestBody Acceptance acceptance) {
        commands.sendAndWait(new AcceptOrder(orderId, restaurantId, acceptance.prepTimeMinutes()));
        return new OrderAction(orderId, "PREPARING");
    }

    @PostMapping("/restaurants/{restaurantId}/orders/{orderId}/reject")
    OrderAction reject(
            @PathVariable UUID restaurantId, @PathVariable UUID orderId, @Valid @RequestBody Rejection rejection) {
        commands.sendAndWait(
                new RejectOrder(orderId, restaurantId, rejection.reason().strip()));
        return new OrderAction(orderId, "REJECTED");
    }

    @PostMapping("/restaurants/{restaurantId}/orders/{orderId}/ready")
    OrderAction ready(@PathVariable UUID restaurantId, @PathVariable UUID orderId) {
        commands.sendAndWait(new MarkReady(orderId, restaurantId));
        return new OrderAction(orderId, "READY_FOR_PICKUP");
    }

    @PostMapping("/orders/{orderId}/cancel")
    OrderAction cancel(@RequestHeader(OrderController.CUSTOMER_HEADER) UUID customerId, @PathVariable UUID orderId) {
        commands.sendAndWait(new CancelOrder(orderId, customerId));
        return new OrderAction(orderId, "CANCELLED");
    }
}
