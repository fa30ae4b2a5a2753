package com.fooddelivery.order.order.messaging;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.CourierAssigned;
import com.fooddelivery.contracts.delivery.CourierUnassigned;
import com.fooddelivery.contracts.delivery.DeliveryDelivered;
import com.fooddelivery.contracts.delivery.DeliveryFailed;
import com.fooddelivery.contracts.delivery.DeliveryPickedUp;
import com.fooddelivery.contracts.delivery.NoCourierAvailable;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptureFailed;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentRefundFailed;
import com.fooddelivery.contracts.payment.PaymentRefunded;
import com.fooddelivery.messaging.consumer.MessageReader;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderCommands.GiveUpOnCourier;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCaptureFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierAssigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierUnassigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDelivered;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDeliveryFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentAuthorized;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentDeclined;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPickedUp;
import com.fooddelivery.order.order.domain.OrderCommands.RecordRefundFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordRefundPaid;
import com.fooddelivery.order.shared.axon.AxonConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns payment-service's and delivery-service's replies into commands on the Order aggregate, once per message
 * (idempotent inbox, in the transaction of the command, its events, the saga's reaction and its outbox messages).
 * The aggregate decides what a reply means in the order's current state; the saga reacts to what it decided.
 */
@Component
class ServiceReplies {

    private static final Logger log = LoggerFactory.getLogger(ServiceReplies.class);

    /** The replies the saga and the order's refunds wait for; other messages on the two topics are not this service's. */
    private static final List<Class<?>> REPLIES = List.of(
            PaymentAuthorized.class,
            PaymentDeclined.class,
            PaymentCaptured.class,
            PaymentCaptureFailed.class,
            PaymentRefunded.class,
            PaymentRefundFailed.class,
            CourierAssigned.class,
            CourierUnassigned.class,
            DeliveryPickedUp.class,
            DeliveryDelivered.class,
            DeliveryFailed.class,
            NoCourierAvailable.class);

    private final MessageReader reader;
    private final IdempotentInbox inbox;
    private final CommandGateway commands;

    ServiceReplies(MessageReader reader, IdempotentInbox inbox, CommandGateway commands) {
        this.reader = reader;
        this.inbox = inbox;
        this.commands = commands;
    }

    @KafkaListener(
            topics = {Topics.PAYMENTS_EVENTS, Topics.DELIVERIES_EVENTS},
            groupId = "${order.replies.group-id:${spring.application.name}}")
    void on(ConsumerRecord<String, String> record) {
        // Confirmations (PaymentVoided, CourierRequestCancelled) and read-model updates (DeliveryUpdated) are not
        // read at all: a bad one is query-service's to dead-letter, not a second copy from here.
        reader.read(record, REPLIES)
                .ifPresent(reply -> inbox.receive(reply.envelope(), message -> {
                    try {
                        commands.sendAndWait(commandMessage(commandFor(reply.payload()), message));
                    } catch (AggregateNotFoundException unknownOrder) {
                        log.warn(
                                "{} {} names an order this service does not know", message.type(), message.messageId());
                    }
                }));
    }

    private static Object commandFor(Object reply) {
        return switch (reply) {
            case PaymentAuthorized authorized -> new RecordPaymentAuthorized(authorized.orderId());
            case PaymentDeclined declined -> new RecordPaymentDeclined(declined.orderId(), declined.declineCode());
            case PaymentCaptured captured -> new RecordPaymentCaptured(captured.orderId());
            case PaymentCaptureFailed failed -> new RecordCaptureFailed(failed.orderId(), failed.code());
            case PaymentRefunded refunded ->
                new RecordRefundPaid(
                        refunded.orderId(),
                        refunded.refundId(),
                        new Money(
                                refunded.amount().amountMinor(),
                                refunded.amount().currency()));
            case PaymentRefundFailed failed ->
                new RecordRefundFailed(failed.orderId(), failed.refundId(), failed.code());
            case CourierAssigned assigned ->
                new RecordCourierAssigned(assigned.orderId(), assigned.courierId(), assigned.deliveryId());
            case CourierUnassigned unassigned ->
                new RecordCourierUnassigned(
                        unassigned.orderId(),
                        unassigned.courierId(),
                        unassigned.reason().name());
            case DeliveryPickedUp pickedUp -> new RecordPickedUp(pickedUp.orderId());
            case DeliveryDelivered delivered -> new RecordDelivered(delivered.orderId());
            case DeliveryFailed failed -> new RecordDeliveryFailed(failed.orderId());
            case NoCourierAvailable none -> new GiveUpOnCourier(none.orderId());
            default -> throw new IllegalStateException("not a reply of " + REPLIES);
        };
    }

    /**
     * The command carries the conversation on: its id is the reply's message id (so events it causes name the reply
     * as their cause) and its trace is the reply's.
     */
    private static GenericCommandMessage<?> commandMessage(Object command, IncomingMessage reply) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put("traceId", reply.correlationId().toString());
        if (reply.traceparent() != null) {
            metaData.put(AxonConfiguration.TRACEPARENT, reply.traceparent());
        }
        return new GenericCommandMessage<>(
                new GenericMessage<>(reply.messageId().toString(), command, MetaData.from(metaData)),
                command.getClass().getName());
    }
}
