package com.fooddelivery.order.order.application;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.order.order.domain.DeliveryAddress;
import com.fooddelivery.order.order.domain.PaymentMethod;
import com.fooddelivery.order.order.domain.PlaceOrder;
import com.fooddelivery.order.order.domain.RequestedItem;
import com.fooddelivery.order.shared.axon.AxonConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Service;

/**
 * Takes a customer's order in. With an idempotency key the order id is derived from (customer, key), so a retry
 * names the same order: an order that exists is answered as placed without pricing it again (the menu may have
 * changed since), and two concurrent retries are settled by the uniqueness of the order's event stream.
 *
 * <p>Most retries never get here: the shared idempotency filter replays the stored response. This is the guard for
 * the rest, which the filter cannot cover: a response lost between the order's commit and its storing (the key is
 * then taken over and the request runs again), and a key reused after the filter's retention.
 */
@Service
public class OrderIntake {

    public record NewOrder(
            UUID customerId,
            String idempotencyKey,
            UUID restaurantId,
            List<RequestedItem> items,
            PaymentMethod paymentMethod,
            DeliveryAddress deliveryAddress,
            String traceparent) {}

    private final CommandGateway commands;
    private final EventStore events;
    private final IntakeAdmission admission;

    OrderIntake(CommandGateway commands, EventStore events, IntakeAdmission admission) {
        this.commands = commands;
        this.events = events;
        this.admission = admission;
    }

    /**
     * @return the order's id; the order is PENDING
     * @throws IntakeSaturatedException for a new order while payments have fallen behind (a retry of an order that
     *     exists is still answered)
     */
    public UUID place(NewOrder order) {
        UUID orderId = order.idempotencyKey() == null
                ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(
                        (order.customerId() + "/" + order.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
        if (order.idempotencyKey() != null
                && events.lastSequenceNumberFor(orderId.toString()).isPresent()) {
            return orderId;
        }
        admission.admit();
        PlaceOrder command = new PlaceOrder(
                orderId,
                order.customerId(),
                order.restaurantId(),
                order.items(),
                order.paymentMethod(),
                order.deliveryAddress());
        MetaData metaData = MetaData.from(Map.of(
                AxonConfiguration.TRACEPARENT,
                order.traceparent() != null ? order.traceparent() : MessageContext.newTraceparent()));
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
        } catch (AggregateStreamCreationException concurrentRetry) {
            // The same retry raced this one and won: the order exists.
        }
        return orderId;
    }
}
