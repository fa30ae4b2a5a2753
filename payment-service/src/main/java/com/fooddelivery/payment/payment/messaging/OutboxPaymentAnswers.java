package com.fooddelivery.payment.payment.messaging;

import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptureFailed;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentRefundFailed;
import com.fooddelivery.contracts.payment.PaymentRefunded;
import com.fooddelivery.contracts.payment.PaymentVoided;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.payment.payment.application.PaymentAnswers;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers on {@code payments.events} through the outbox, in the transaction that decided the outcome: when a command
 * arrives (an answer known at once) or when the provider's answer is recorded. A refusal gets no answer; it is logged
 * and counted in {@code payment.commands.refused}.
 */
@Component
class OutboxPaymentAnswers implements PaymentAnswers {

    private static final Logger log = LoggerFactory.getLogger(OutboxPaymentAnswers.class);

    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    OutboxPaymentAnswers(OutboxWriter outbox, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void answer(PaymentOutcome outcome, String command, MessageContext replyTo) {
        Object reply =
                switch (outcome) {
                    case PaymentOutcome.Authorized authorized ->
                        new PaymentAuthorized(
                                authorized.orderId(), contract(authorized.amount()), authorized.authorizationId());
                    case PaymentOutcome.Declined declined ->
                        new PaymentDeclined(declined.orderId(), declined.code(), declined.reason());
                    case PaymentOutcome.Captured captured ->
                        new PaymentCaptured(captured.orderId(), contract(captured.amount()));
                    case PaymentOutcome.CaptureFailed failed -> {
                        log.error(
                                "Capture of {} for order {} failed: {} ({})",
                                failed.amount(),
                                failed.orderId(),
                                failed.code(),
                                failed.reason());
                        yield new PaymentCaptureFailed(
                                failed.orderId(), contract(failed.amount()), failed.code(), failed.reason());
                    }
                    case PaymentOutcome.Voided voided -> new PaymentVoided(voided.orderId());
                    case PaymentOutcome.Refunded refunded ->
                        new PaymentRefunded(refunded.orderId(), refunded.refundId(), contract(refunded.amount()));
                    case PaymentOutcome.RefundFailed failed ->
                        new PaymentRefundFailed(
                                failed.orderId(),
                                failed.refundId(),
                                contract(failed.amount()),
                                failed.code(),
                                failed.reason());
                    case PaymentOutcome.Pending pending -> null;
                    case PaymentOutcome.Refused refused -> {
                        meters.counter("payment.commands.refused", "command", command, "reason", refused.code())
                                .increment();
                        log.warn(
                                "Refused {} for order {}: {} ({})",
                                command,
                                refused.orderId(),
                                refused.code(),
                                refused.detail());
                        yield null;
                    }
                };
        if (reply != null) {
            outbox.send(outcome.orderId().toString(), reply, clock.instant(), replyTo);
        }
    }

    private static com.fooddelivery.contracts.common.Money contract(Money money) {
        return new com.fooddelivery.contracts.common.Money(money.amountMinor(), money.currency());
    }
}
