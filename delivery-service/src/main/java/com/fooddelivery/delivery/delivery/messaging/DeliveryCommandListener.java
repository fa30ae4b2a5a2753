package com.fooddelivery.delivery.delivery.messaging;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.delivery.delivery.application.DeliveryService;
import com.fooddelivery.delivery.delivery.application.NewDelivery;
import com.fooddelivery.delivery.delivery.domain.Address;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deliveries.commands} → the delivery feature, each message's effect exactly once through the inbox.
 * A message that can never be processed (bad headers, unreadable JSON, missing or invalid fields, unknown type) is
 * thrown as {@link MalformedMessageException} or {@link UnknownMessageTypeException}: the messaging library's error
 * handler sends it at once to {@code deliveries.commands.DLT} so it does not block its partition. Any other failure
 * (database unavailable) is retried without end.
 */
@Component
class DeliveryCommandListener {

    private final IdempotentInbox inbox;
    private final DeliveryService deliveries;
    private final JsonMapper json;

    DeliveryCommandListener(IdempotentInbox inbox, DeliveryService deliveries, JsonMapper json) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.json = json;
    }

    // The group is spring.kafka.consumer.group-id (delivery-service); tests give themselves a group of their own.
    @KafkaListener(topics = Topics.DELIVERIES_COMMANDS)
    void receive(ConsumerRecord<String, String> record) {
        IncomingMessage message = IncomingMessage.from(record);
        Object read = read(record, message);
        Object command = read instanceof RequestCourier request ? toNewDelivery(record, request) : read;
        inbox.receive(message, received -> {
            MessageContext context = MessageContext.causedBy(received);
            switch (command) {
                case NewDelivery request -> deliveries.request(request, context);
                case CancelCourierRequest cancel -> deliveries.cancel(cancel.orderId(), context);
                default -> throw new IllegalStateException("unreachable");
            }
        });
    }

    private Object read(ConsumerRecord<String, String> record, IncomingMessage message) {
        Class<?> type = MessageCatalog.byType(message.type())
                .filter(entry -> entry.topic().equals(Topics.DELIVERIES_COMMANDS))
                .map(MessageCatalog.Entry::javaType)
                .orElseThrow(() -> new UnknownMessageTypeException(message.type(), record.topic()));
        if (message.payload() == null) {
            throw new MalformedMessageException(record, "empty " + message.type());
        }
        Object command;
        try {
            command = json.readValue(message.payload(), type);
        } catch (JacksonException e) {
            throw new MalformedMessageException(record, "unreadable " + message.type() + ": " + e.getOriginalMessage());
        }
        boolean complete =
                switch (command) {
                    case RequestCourier r ->
                        r.orderId() != null
                                && r.restaurantId() != null
                                && r.pickup() != null
                                && r.dropoff() != null
                                && r.restaurantName() != null;
                    case CancelCourierRequest c -> c.orderId() != null;
                    default -> throw new UnknownMessageTypeException(message.type(), record.topic());
                };
        if (!complete) {
            throw new MalformedMessageException(record, "incomplete " + message.type());
        }
        return command;
    }

    private static NewDelivery toNewDelivery(ConsumerRecord<String, String> record, RequestCourier request) {
        try {
            return new NewDelivery(
                    request.orderId(),
                    request.restaurantId(),
                    request.restaurantName(),
                    new GeoPoint(request.pickup().lat(), request.pickup().lon()),
                    new Address(
                            request.dropoff().line1(),
                            request.dropoff().city(),
                            new GeoPoint(
                                    request.dropoff().lat(), request.dropoff().lon())));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(record, "invalid RequestCourier: " + e.getMessage());
        }
    }
}
