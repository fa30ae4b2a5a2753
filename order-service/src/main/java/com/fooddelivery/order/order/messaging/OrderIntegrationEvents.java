package com.fooddelivery.order.order.messaging;

import com.fooddelivery.contracts.order.OrderDetails;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.StatusChange;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.order.order.domain.OrderPlacedEvent;
import com.fooddelivery.order.shared.axon.AxonMessageContext;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Publishes the Order aggregate's changes on {@code orders.events}. Runs in the unit of work that applied the event
 * (a subscribing processor), so the outbox row commits together with the event. The aggregate's sequence number
 * travels with each message: readers keep the highest one.
 */
@Component
@ProcessingGroup("order-integration-events")
class OrderIntegrationEvents {

    private final OutboxWriter outbox;

    OrderIntegrationEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        OrderDetails details = new OrderDetails(
                event.customerId(),
                event.restaurantId(),
                event.restaurantName(),
                event.lines().stream().map(ContractMapping::line).toList(),
                ContractMapping.money(event.total()),
                com.fooddelivery.contracts.common.PaymentMethod.valueOf(
                        event.paymentMethod().name()),
                ContractMapping.address(event.deliveryAddress()),
                event.placedAt());
        OrderPlaced placed = new OrderPlaced(
                event.orderId(),
                sequence,
                OrderStatus.PENDING,
                details,
                List.of(new StatusChange(OrderStatus.PENDING, null, event.placedAt())));
        outbox.send(event.orderId().toString(), placed, event.placedAt(), AxonMessageContext.of(message));
    }
}
