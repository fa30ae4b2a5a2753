package com.fooddelivery.payment.payment.messaging;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentVoided;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.consumer.MessageReader;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.payment.payment.application.PaymentDesk;
import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Handles {@code payments.commands}, one record at a time so a failure retries only its own record. The messaging
 * library's {@link MessageReader} reads each command (a malformed or unknown one goes to {@code payments.commands.DLT}
 * at once); it runs through the idempotent inbox: the payment change, its ledger rows, the reply in the outbox and the
 * inbox record commit together. A command the payment refuses gets no reply; it is logged and counted in
 * {@code payment.commands.refused}. An unavailable database or provider is retried until it is back; an authorization
 * that keeps failing otherwise is declined by {@link PaymentFailureReplies}.
 */
@Component
class PaymentCommandListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandListener.class);

    private static final List<Class<?>> COMMANDS =
            List.of(AuthorizePayment.class, CapturePayment.class, VoidPayment.class);

    private final MessageReader reader;
    private final IdempotentInbox inbox;
    private final OutboxWriter outbox;
    private final PaymentDesk desk;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentCommandListener(
            MessageReader reader,
            IdempotentInbox inbox,
            OutboxWriter outbox,
            PaymentDesk desk,
            Clock clock,
            MeterRegistry meters) {
        this.reader = reader;
        this.inbox = inbox;
        this.outbox = outbox;
        this.desk = desk;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.PAYMENTS_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, COMMANDS).ifPresent(command -> {
            boolean handled = inbox.receive(command.envelope(), incoming -> handle(command.payload(), incoming));
            if (!handled) {
                log.debug(
                        "Skipped {} {}: already processed",
                        command.envelope().type(),
                        command.envelope().messageId());
            }
        });
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

    private static Money money(com.fooddelivery.contracts.common.Money money) {
        return new Money(money.amountMinor(), money.currency());
    }

    private static com.fooddelivery.contracts.common.Money contract(Money money) {
        return new com.fooddelivery.contracts.common.Money(money.amountMinor(), money.currency());
    }
}
