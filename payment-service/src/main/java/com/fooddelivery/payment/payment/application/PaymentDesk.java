package com.fooddelivery.payment.payment.application;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.Payment;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import com.fooddelivery.payment.payment.domain.Payments;
import com.fooddelivery.payment.payment.domain.ProviderCall;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes payment commands as they arrive: loads the order's payment under a row lock, lets it decide and stores the
 * result with the provider calls it decided on. Never calls the provider: that happens after this transaction, in
 * {@link ProviderCallRunner}. Runs in the caller's transaction, so the caller's reply in the outbox and its inbox
 * record commit with the change or not at all.
 */
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentDesk {

    private final Payments payments;
    private final ProviderCalls calls;
    private final Clock clock;

    public PaymentDesk(Payments payments, ProviderCalls calls, Clock clock) {
        this.payments = payments;
        this.calls = calls;
        this.clock = clock;
    }

    public PaymentOutcome authorize(AuthorizationRequest request, MessageContext replyTo) {
        return onPaymentOf(request.orderId(), replyTo, payment -> payment.authorize(request, clock.instant()));
    }

    public PaymentOutcome capture(UUID orderId, Money amount, MessageContext replyTo) {
        return onPaymentOf(orderId, replyTo, payment -> payment.capture(amount, clock.instant()));
    }

    public PaymentOutcome voidPayment(UUID orderId, MessageContext replyTo) {
        return onPaymentOf(orderId, replyTo, payment -> payment.voidPayment(clock.instant()));
    }

    /** A refund paid or under way is answered from its call; a new one, or one that failed before, goes to the payment. */
    public PaymentOutcome refund(UUID orderId, UUID refundId, Money amount, MessageContext replyTo) {
        var known = calls.find(IdempotencyKey.ofRefund(orderId, refundId));
        if (known.isPresent() && known.get().state() != ProviderCalls.State.FAILED) {
            ProviderCall refund = known.get().call();
            return known.get().state() == ProviderCalls.State.DONE
                    ? new PaymentOutcome.Refunded(orderId, refundId, refund.amount())
                    : new PaymentOutcome.Pending(orderId);
        }
        return onPaymentOf(orderId, replyTo, payment -> payment.refund(refundId, amount, clock.instant()));
    }

    private PaymentOutcome onPaymentOf(
            UUID orderId, MessageContext replyTo, Function<Payment, PaymentOutcome> command) {
        Payment payment = payments.lock(orderId).orElseGet(() -> Payment.none(orderId));
        PaymentOutcome outcome = command.apply(payment);
        if (payment.isRecorded()) {
            payments.save(payment);
        }
        for (ProviderCall intent : payment.intents()) {
            calls.record(intent, replyTo);
        }
        return outcome;
    }
}
