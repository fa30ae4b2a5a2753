package com.fooddelivery.order.order.web;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.order.order.domain.PlaceOrder;
import com.fooddelivery.order.shared.axon.AxonConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
@Validated
class OrderController {

    /** Until authentication lands (JWT subject), the customer is named by this header. */
    static final String CUSTOMER_HEADER = "X-Customer-Id";

    private final CommandGateway commands;
    private final URI queryServiceUrl;

    OrderController(CommandGateway commands, @Value("${order.query-service-url}") URI queryServiceUrl) {
        this.commands = commands;
        this.queryServiceUrl = queryServiceUrl;
    }

    record OrderAccepted(UUID orderId, String status, long sequence) {}

    /**
     * Places an order; it is PENDING until payment is authorized. The answer is 202: the order is recorded, the rest
     * happens asynchronously and is read from query-service at {@code Location}. A retry with the same
     * {@code Idempotency-Key} names the same order and does not place a second one.
     */
    @PostMapping
    ResponseEntity<OrderAccepted> place(
            @RequestHeader(CUSTOMER_HEADER) UUID customerId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 100) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            @Valid @RequestBody PlaceOrderRequest request) {
        UUID orderId = idempotencyKey == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((customerId + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        PlaceOrder command = new PlaceOrder(
                orderId,
                customerId,
                request.restaurantId(),
                request.requestedItems(),
                request.paymentMethod(),
                request.address());
        MetaData metaData = MetaData.from(Map.of(
                AxonConfiguration.TRACEPARENT, traceparent != null ? traceparent : MessageContext.newTraceparent()));
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
        } catch (AggregateStreamCreationException alreadyPlaced) {
            // The same customer retried with the same key: the order exists, answer as the first time.
        }
        return ResponseEntity.accepted()
                .location(queryServiceUrl.resolve("/orders/" + orderId))
                .body(new OrderAccepted(orderId, "PENDING", 0));
    }
}
