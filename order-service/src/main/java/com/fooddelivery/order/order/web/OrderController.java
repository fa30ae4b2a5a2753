package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.application.OrderIntake;
import com.fooddelivery.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
class OrderController {

    private final OrderIntake intake;
    private final URI queryServiceUrl;

    OrderController(OrderIntake intake, @Value("${order.query-service-url}") URI queryServiceUrl) {
        this.intake = intake;
        this.queryServiceUrl = queryServiceUrl;
    }

    record OrderAccepted(UUID orderId, String status, long sequence) {}

    /**
     * Places an order; it is PENDING until payment is authorized. The answer is 202: the order is recorded, the rest
     * happens asynchronously and is read from query-service at {@code Location}. A retry with the same
     * {@code Idempotency-Key} is answered by the shared idempotency filter ({@code infra/idempotency}) with this
     * response replayed, before this method runs; the same key with another body is refused there (422). OrderIntake
     * still derives the order id from the key, so even a retry the filter lets through again (after a lost response
     * or after the key's retention) names the same order and does not place a second one.
     */
    @PostMapping
    ResponseEntity<OrderAccepted> place(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 100) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            @Valid @RequestBody PlaceOrderRequest request) {
        UUID orderId = intake.place(new OrderIntake.NewOrder(
                caller.requireCustomer(),
                idempotencyKey,
                request.restaurantId(),
                request.requestedItems(),
                request.paymentMethod(),
                request.address(),
                traceparent));
        // Sequence 0 is the OrderPlaced event: query-service can be asked to wait until it shows at least that.
        return ResponseEntity.accepted()
                .location(queryServiceUrl.resolve("/orders/" + orderId))
                .body(new OrderAccepted(orderId, "PENDING", 0));
    }
}
