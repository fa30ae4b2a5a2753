package com.fooddelivery.payment.payment.messaging;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.RefundPayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.consumer.MessageReader;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.payment.payment.application.PaymentAnswers;
import com.fooddelivery.payment.payment.application.PaymentDesk;
import com.fooddelivery.payment.payment.application.ProviderCallRunner;
import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Handles {@code payments.commands}, one record at a time so a failure retries only its own record. The messaging
 * library's {@link MessageReader} reads each command (a malformed or unknown one goes to {@code payments.commands.DLT}
 * at once); it runs through the idempotent inbox: the payment's decision, the provider calls it needs (as intents),
 * an answer known at once and the inbox record commit together. Then, with no transaction open, the order's due
 * provider calls are made ({@link ProviderCallRunner}); what they leave undone (no answer, this instance stopping)
 * the sweep carries on. A command that keeps failing inside its transaction is answered by
 * {@link PaymentFailureReplies} or dead-lettered.
 */
@Component
class PaymentCommandListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandListener.class);

    private static final List<Class<?>> COMMANDS =
            List.of(AuthorizePayment.class, CapturePayment.class, VoidPayment.class, RefundPayment.class);

    private final MessageReader reader;
    private final IdempotentInbox inbox;
    private final PaymentDesk desk;
    private final PaymentAnswers answers;
    private final ProviderCallRunner calls;

    PaymentCommandListener(
            MessageReader reader,
            IdempotentInbox inbox,
            PaymentDesk desk,
            PaymentAnswers answers,
            ProviderCallRunner calls) {
        this.reader = reader;
        this.inbox = inbox;
        this.desk = desk;
        this.answers = answers;
        this.calls = calls;
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
            makeDueCalls(orderOf(command.payload()));
        });
    }

    private void handle(Object command, IncomingMessage incoming) {
        MessageContext replyTo = MessageContext.causedBy(incoming);
        PaymentOutcome outcome =
                switch (command) {
                    case AuthorizePayment authorize ->
                        desk.authorize(
                                new AuthorizationRequest(
                                        authorize.orderId(),
                                        authorize.customerId(),
                                        money(authorize.amount()),
                                        PaymentMethod.valueOf(authorize.method().name())),
                                replyTo);
                    case CapturePayment capture -> desk.capture(capture.orderId(), money(capture.amount()), replyTo);
                    case VoidPayment voidPayment -> desk.voidPayment(voidPayment.orderId(), replyTo);
                    case RefundPayment refund ->
                        desk.refund(refund.orderId(), refund.refundId(), money(refund.amount()), replyTo);
                    default -> throw new IllegalStateException("Unhandled command " + command.getClass());
                };
        answers.answer(outcome, incoming.type(), replyTo);
    }

    /** Committed already: a failure here loses nothing, the sweep makes the call. */
    private void makeDueCalls(UUID orderId) {
        try {
            calls.runDue(orderId);
        } catch (RuntimeException e) {
            log.warn("Provider calls of order {} left to the sweep: {}", orderId, e.toString());
        }
    }

    private static UUID orderOf(Object command) {
        return switch (command) {
            case AuthorizePayment authorize -> authorize.orderId();
            case CapturePayment capture -> capture.orderId();
            case VoidPayment voidPayment -> voidPayment.orderId();
            case RefundPayment refund -> refund.orderId();
            default -> throw new IllegalStateException("Unhandled command " + command.getClass());
        };
    }

    private static Money money(com.fooddelivery.contracts.common.Money money) {
        return new Money(money.amountMinor(), money.currency());
    }
}
