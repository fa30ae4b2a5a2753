package com.fooddelivery.payment.payment.messaging;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentVoided;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.payment.payment.application.PaymentDesk;
import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles {@code payments.commands}, one record at a time so a failure retries only its own record. Each command runs
 * through the idempotent inbox: the payment change, its ledger rows, the reply in the outbox and the inbox record
 * commit together. A command the payment refuses gets no reply; it is logged and counted in
 * {@code payment.commands.refused}. Malformed and unknown messages (including invalid field values) are thrown as
 * {@link MalformedMessageException} or {@link UnknownMessageTypeException}, which the messaging library's error
 * handler sends at once to {@code payments.commands.DLT}; any other failure is retried without end.
 */
@Component
class PaymentCommandListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandListener.class);

    private final IdempotentInbox inbox;
    private final OutboxWriter outbox;
    private final PaymentDesk desk;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentCommandListener(
            IdempotentInbox inbox,
            OutboxWriter outbox,
            PaymentDesk desk,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.desk = desk;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.PAYMENTS_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        IncomingMessage message = IncomingMessage.from(record);
        Object command = read(record, message);
        boolean handled = inbox.receive(message, incoming -> handle(command, incoming));
        if (!handled) {
            log.debug("Skipped {} {}: already processed", message.type(), message.messageId());
        }
    }

    private void handle(Object command, IncomingMessage incoming) {
        PaymentOutcome outcome =
                switch (command) {
                    case AuthorizePayment authorize ->
                        desk.authorize(new AuthorizationRequest(
                                authorize.orderId(),
                                authorize.customerId(),
                                money(authorize.amount()),
                                PaymentMethod.valueOf(authorize.method().name())));
                    case CapturePayment capture -> desk.capture(capture.orderId(), money(capture.amount()));
                    case VoidPayment voidPayment -> desk.voidPayment(voidPayment.orderId());
                    default -> throw new IllegalStateException("Unhandled command " + command.getClass());
                };
        Object reply =
                switch (outcome) {
                    case PaymentOutcome.Authorized authorized ->
                        new PaymentAuthorized(
                                authorized.orderId(), contract(authorized.amount()), authorized.authorizationId());
                    case PaymentOutcome.Declined declined ->
                        new PaymentDeclined(declined.orderId(), declined.code(), declined.reason());
                    case PaymentOutcome.Captured captured ->
                        new PaymentCaptured(captured.orderId(), contract(captured.amount()));
                    case PaymentOutcome.Voided voided -> new PaymentVoided(voided.orderId());
                    case PaymentOutcome.Refused refused -> {
                        meters.counter("payment.commands.refused", "command", incoming.type(), "reason", refused.code())
                                .increment();
                        log.warn(
                                "Refused {} {} for order {}: {} ({})",
                                incoming.type(),
                                incoming.messageId(),
                                refused.orderId(),
                                refused.code(),
                                refused.detail());
                        yield null;
                    }
                };
        if (reply != null) {
            outbox.send(outcome.orderId().toString(), reply, clock.instant(), MessageContext.causedBy(incoming));
        }
    }

    /** The command in the record's value, or MalformedMessageException: nothing in it can be handled. */
    private Object read(ConsumerRecord<String, String> record, IncomingMessage message) {
        MessageCatalog.Entry entry = MessageCatalog.byType(message.type())
                .filter(candidate -> Topics.PAYMENTS_COMMANDS.equals(candidate.topic()))
                .orElseThrow(() -> new UnknownMessageTypeException(message.type(), record.topic()));
        if (message.payload() == null) {
            throw new MalformedMessageException(record, "no value");
        }
        Object command;
        try {
            command = json.readValue(message.payload(), entry.javaType());
        } catch (JacksonException e) {
            throw new MalformedMessageException(record, "unreadable " + entry.type() + ": " + e.getOriginalMessage());
        }
        UUID orderId =
                switch (command) {
                    case AuthorizePayment authorize -> {
                        requireFields(record, authorize.customerId(), authorize.amount(), authorize.method());
                        requireFields(record, authorize.amount().currency());
                        requireValid(record, () -> {
                            money(authorize.amount());
                            PaymentMethod.valueOf(authorize.method().name());
                        });
                        yield authorize.orderId();
                    }
                    case CapturePayment capture -> {
                        requireFields(record, capture.amount());
                        requireFields(record, capture.amount().currency());
                        requireValid(record, () -> money(capture.amount()));
                        yield capture.orderId();
                    }
                    case VoidPayment voidPayment -> voidPayment.orderId();
                    default -> throw new UnknownMessageTypeException(message.type(), record.topic());
                };
        if (orderId == null || !orderId.toString().equals(record.key())) {
            throw new MalformedMessageException(record, "orderId " + orderId + " does not match key " + record.key());
        }
        return command;
    }

    private static void requireFields(ConsumerRecord<String, String> record, Object... fields) {
        if (Objects.isNull(fields) || java.util.Arrays.stream(fields).anyMatch(Objects::isNull)) {
            throw new MalformedMessageException(record, "a required field is missing");
        }
    }

    /** A field value the domain rejects (negative amount, unknown method) can never be handled either. */
    private static void requireValid(ConsumerRecord<String, String> record, Runnable conversion) {
        try {
            conversion.run();
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(record, "invalid field: " + e.getMessage());
        }
    }

    private static Money money(com.fooddelivery.contracts.common.Money money) {
        return new Money(money.amountMinor(), money.currency());
    }

    private static com.fooddelivery.contracts.common.Money contract(Money money) {
        return new com.fooddelivery.contracts.common.Money(money.amountMinor(), money.currency());
    }
}
