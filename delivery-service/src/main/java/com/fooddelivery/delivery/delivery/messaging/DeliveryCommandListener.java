package com.fooddelivery.delivery.delivery.messaging;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.delivery.delivery.application.DeliveryService;
import com.fooddelivery.delivery.delivery.application.NewDelivery;
import com.fooddelivery.delivery.delivery.domain.Address;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.consumer.MessageReader;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code deliveries.commands} → the delivery feature, each message's effect exactly once through the inbox. The
 * messaging library's {@link MessageReader} reads each command (a malformed or unknown one goes to
 * {@code deliveries.commands.DLT} at once); an unavailable database is retried until it is back; a courier request
 * that keeps failing otherwise is answered by {@link DeliveryFailureReplies}.
 */
@Component
class DeliveryCommandListener {

    private static final List<Class<?>> COMMANDS = List.of(RequestCourier.class, CancelCourierRequest.class);

    private final MessageReader reader;
    private final IdempotentInbox inbox;
    private final DeliveryService deliveries;

    DeliveryCommandListener(MessageReader reader, IdempotentInbox inbox, DeliveryService deliveries) {
        this.reader = reader;
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    // The group is spring.kafka.consumer.group-id (delivery-service); tests give themselves a group of their own.
    @KafkaListener(topics = Topics.DELIVERIES_COMMANDS)
    void receive(ConsumerRecord<String, String> record) {
        reader.read(record, COMMANDS)
                .ifPresent(command -> inbox.receive(command.envelope(), received -> {
                    MessageContext context = MessageContext.causedBy(received);
                    switch (command.payload()) {
                        case RequestCourier request -> deliveries.request(toNewDelivery(request), context);
                        case CancelCourierRequest cancel -> deliveries.cancel(cancel.orderId(), context);
                        default -> throw new IllegalStateException("not a command of " + COMMANDS);
                    }
                }));
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
}
