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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deliveries.commands} → the delivery feature, each message's effect exactly once through the inbox.
 * Messages that can never be processed (bad headers, unknown type, unreadable JSON) are logged and skipped: there is
 * no dead-letter topic for this service yet.
 */
@Component
class DeliveryCommandListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCommandListener.class);

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
        IncomingMessage message;
        Object command;
        try {
            message = IncomingMessage.from(record);
            Object read = read(message);
            command = read instanceof RequestCourier request ? toNewDelivery(request) : read;
        } catch (MalformedMessageException
                | UnreadableCommandException
                | JacksonException
                | IllegalArgumentException e) {
            log.error("Skipping unprocessable message on {}: {}", Topics.DELIVERIES_COMMANDS, e.getMessage());
            return;
        }
        Object accepted = command;
        inbox.receive(message, received -> {
            MessageContext context = MessageContext.causedBy(received);
            switch (accepted) {
                case NewDelivery request -> deliveries.request(request, context);
                case CancelCourierRequest cancel -> deliveries.cancel(cancel.orderId(), context);
                default -> throw new IllegalStateException("unreachable");
            }
        });
    }

    private Object read(IncomingMessage message) {
        Class<?> type = MessageCatalog.byType(message.type())
                .filter(entry -> entry.topic().equals(Topics.DELIVERIES_COMMANDS))
                .map(MessageCatalog.Entry::javaType)
                .orElseThrow(() -> new UnreadableCommandException("unknown command type " + message.type()));
        if (message.payload() == null) {
            throw new UnreadableCommandException("empty " + message.type());
        }
        Object command = json.readValue(message.payload(), type);
        boolean complete =
                switch (command) {
                    case RequestCourier r ->
                        r.orderId() != null
                                && r.restaurantId() != null
                                && r.pickup() != null
                                && r.dropoff() != null
                                && r.restaurantName() != null;
                    case CancelCourierRequest c -> c.orderId() != null;
                    default -> false;
                };
        if (!complete) {
            throw new UnreadableCommandException("incomplete " + message.type() + " " + message.messageId());
        }
        return command;
    }

    private static NewDelivery toNewDelivery(RequestCourier request) {
        return new NewDelivery(
                request.orderId(),
                request.restaurantId(),
                request.restaurantName(),
                new GeoPoint(request.pickup().lat(), request.pickup().lon()),
                new Address(
                        request.dropoff().line1(),
                        request.dropoff().city(),
                        new GeoPoint(request.dropoff().lat(), request.dropoff().lon())));
    }

    private static class UnreadableCommandException extends RuntimeException {
        UnreadableCommandException(String message) {
            super(message);
        }
    }
}
