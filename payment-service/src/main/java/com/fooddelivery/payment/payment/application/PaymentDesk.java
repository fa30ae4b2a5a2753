package com.fooddelivery.payment.payment.application;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.Payment;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.Payments;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles payment commands: loads the order's payment under a row lock, lets it decide (calling the provider when a
 * transition needs it) and stores the result with its ledger rows. Runs in the caller's transaction, so the caller's
 * reply in the outbox and its inbox record commit with the change or not at all.
 */
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentDesk {

    private final Payments payments;
    private final PaymentProvider provider;
    private final Clock clock;

    public PaymentDesk(Payments payments, PaymentProvider provider, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.clock = clock;
    }

    public PaymentOutcome authorize(AuthorizationRequest request) {
        return onPaymentOf(request.orderId(), payment -> payment.authorize(request, provider, clock.instant()));
    }

    public PaymentOutcome capture(UUID orderId, Money amount) {
        return onPaymentOf(orderId, payment -> payment.capture(amount, provider, clock.instant()));
    }

    public PaymentOutcome voidPayment(UUID orderId) {
        return onPaymentOf(orderId, payment -> payment.voidPayment(provider, clock.instant()));
    }

    private PaymentOutcome onPaymentOf(UUID orderId, Function<Payment, PaymentOutcome> command) {
        Payment payment = payments.lock(orderId).orElseGet(() -> Payment.none(orderId));
        PaymentOutcome outcome = command.apply(payment);
        if (payment.isRecorded()) {
            payments.save(payment);
        }
        return outcome;
    }
}
