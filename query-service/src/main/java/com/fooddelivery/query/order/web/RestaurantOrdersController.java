package com.fooddelivery.query.order.web;

import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.query.order.query.OrderReadModel;
import com.fooddelivery.query.order.query.RestaurantQueue;
import com.fooddelivery.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RestaurantOrdersController {

    /** What a kitchen works on: waiting for acceptance, being prepared, waiting for the courier. */
    private static final List<OrderStatus> KITCHEN =
            List.of(OrderStatus.AWAITING_RESTAURANT, OrderStatus.PREPARING, OrderStatus.READY_FOR_PICKUP);

    private final OrderReadModel orders;

    RestaurantOrdersController(OrderReadModel orders) {
        this.orders = orders;
    }

    /**
     * The restaurant dashboard's queue: orders in {@code status} (repeatable; default the kitchen's statuses),
     * oldest first, with the restaurant's order counts per status. For its staff and ADMIN only: staff of another
     * restaurant get 403 (restaurants are public, so naming one reveals nothing).
     */
    @GetMapping("/restaurants/{restaurantId}/orders")
    RestaurantQueue queue(
            @PathVariable UUID restaurantId,
            Caller caller,
            @RequestParam(name = "status", defaultValue = "") List<OrderStatus> statuses,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        caller.requireActsFor(restaurantId);
        return orders.queueOf(restaurantId, statuses.isEmpty() ? KITCHEN : statuses, size);
    }
}
