package com.fooddelivery.query.order.web;

import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.query.order.query.OrderPage;
import com.fooddelivery.query.order.query.OrderReadModel;
import com.fooddelivery.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerOrdersController {

    private final OrderReadModel orders;

    CustomerOrdersController(OrderReadModel orders) {
        this.orders = orders;
    }

    /**
     * The calling customer's orders (CUSTOMER only), newest first, optionally only some statuses ({@code status}
     * repeatable). Pages reach at most the 10,000th order (Elasticsearch's window): 200 pages of 50.
     */
    @GetMapping("/customers/me/orders")
    OrderPage myOrders(
            Caller caller,
            @RequestParam(name = "status", defaultValue = "") List<OrderStatus> statuses,
            @RequestParam(defaultValue = "0") @Min(0) @Max(199) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        return orders.ofCustomer(caller.requireCustomer(), statuses, page, size);
    }
}
