package com.fooddelivery.payment.payment.application;

import com.fooddelivery.payment.payment.domain.Payment;
import com.fooddelivery.payment.payment.domain.PaymentOutcome;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.Payments;
import com.fooddelivery.payment.payment.domain.ProviderCall;
import com.fooddelivery.payment.payment.domain.ProviderResult;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the provider calls payments decided on, never inside a database transaction: claim the order's next call
 * (a short transaction under the payment's row lock), call the provider, record the outcome and send the answer
 * (another short transaction). No connection or row lock is held while the provider thinks.
 *
 * <p>One call at a time per payment: a claim is a lease on the order's oldest pending call, so two instances never
 * call for one payment at once, and a call left by an instance that died is taken up again when its lease runs out. A
 * call without an answer (the provider unavailable, or a timeout: the operation may or may not have happened) is
 * tried again later with the same idempotency key, which is how an unknown outcome is reconciled: the provider
 * answers a repeated key with its first result and performs nothing more.
 */
public class ProviderCallRunner {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallRunner.class);
    private static final int SWEEP_BATCH = 100;

    private final TransactionTemplate transactions;
    private final Payments payments;
    private final ProviderCalls calls;
    private final PaymentProvider provider;
    private final PaymentAnswers answers;
    private final ProviderCallSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public ProviderCallRunner(
            TransactionTemplate transactions,
            Payments payments,
            ProviderCalls calls,
            PaymentProvider provider,
            PaymentAnswers answers,
            ProviderCallSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.payments = payments;
        this.calls = calls;
        this.provider = provider;
        this.answers = answers;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The sweep, every {@code payment.calls.sweep-interval}: calls due again after getting no answer, and those an
     * instance claimed and never finished (it stopped or died; its lease ran out). Safe with several instances: each
     * call is claimed under its payment's row lock before it is made.
     */
    public void runAllDue() {
        for (UUID orderId : calls.ordersWithDueCalls(SWEEP_BATCH)) {
            runDue(orderId);
        }
    }

    /** Makes the order's due calls one after the other, until none is due or one gets no answer. */
    public void runDue(UUID orderId) {
        while (true) {
            Turn turn = transactions.execute(status -> nextTurn(orderId));
            switch (turn) {
                case Turn.Idle idle -> {
                    return;
                }
                case Turn.Settled settled -> {
                    // answered without the provider; the next call may be due
                }
                case Turn.Call call -> {
                    ProviderResult result;
                    try {
                        result = perform(call);
                    } catch (ProviderUnavailableException e) {
                        transactions.executeWithoutResult(status -> noAnswer(call.claimed(), e));
                        return;
                    }
                    transactions.executeWithoutResult(status -> record(call.claimed(), result));
                }
            }
        }
    }

    private sealed interface Turn {
        record Idle() implements Turn {}

        record Settled() implements Turn {}

        record Call(ProviderCalls.Claimed claimed, Payment payment) implements Turn {}
    }

    private Turn nextTurn(UUID orderId) {
        Payment payment = payments.lock(orderId).orElse(null);
        if (payment == null) {
            return new Turn.Idle();
        }
        var claimed = calls.claimNext(orderId, settings.lease());
        if (claimed.isEmpty()) {
            return new Turn.Idle();
        }
        ProviderCall call = claimed.get().call();
        var settled = payment.settleWithoutProvider(call);
        if (settled.isPresent()) {
            calls.complete(call.id());
            answers.answer(settled.get(), commandOf(call), claimed.get().replyTo());
            return new Turn.Settled();
        }
        return new Turn.Call(claimed.get(), payment);
    }

    /** The command a call carries out, as the listener names it (the {@code command} tag of refusals). */
    private static String commandOf(ProviderCall call) {
        return switch (call.operation()) {
            case AUTHORIZE -> "AuthorizePayment";
            case CAPTURE -> "CapturePayment";
            case VOID -> "VoidPayment";
            case REFUND -> "RefundPayment";
        };
    }

    private ProviderResult perform(Turn.Call turn) {
        ProviderCall call = turn.claimed().call();
        Payment payment = turn.payment();
        ProviderResult result =
                switch (call.operation()) {
                    case AUTHORIZE -> provider.authorize(payment.authorizationRequest(), call.key());
                    case CAPTURE -> {
                        provider.capture(payment.authorizationId(), call.amount(), call.key());
                        yield new ProviderResult.Done();
                    }
                    case VOID -> {
                        provider.voidAuthorization(payment.authorizationId(), call.key());
                        yield new ProviderResult.Done();
                    }
                    case REFUND -> {
                        provider.refund(payment.authorizationId(), call.amount(), call.key());
                        yield new ProviderResult.Done();
                    }
                };
        meters.counter("payment.provider.calls", "operation", call.operation().name(), "outcome", "answered")
                .increment();
        return result;
    }

    /** Recorded once: if another instance took the call over after this one's lease ran out, its record stands. */
    private void record(ProviderCalls.Claimed claimed, ProviderResult result) {
        ProviderCall call = claimed.call();
        Payment payment = payments.lock(call.orderId()).orElseThrow();
        if (!calls.complete(call.id())) {
            log.info(
                    "Call {} ({}) of order {} was recorded by another instance",
                    call.id(),
                    call.operation(),
                    call.orderId());
            return;
        }
        PaymentOutcome outcome = payment.complete(call, result, clock.instant());
        payments.save(payment);
        answers.answer(outcome, commandOf(call), claimed.replyTo());
    }

    private void noAnswer(ProviderCalls.Claimed claimed, ProviderUnavailableException e) {
        ProviderCall call = claimed.call();
        int attempts = call.attempts() + 1;
        meters.counter("payment.provider.calls", "operation", call.operation().name(), "outcome", "no_answer")
                .increment();
        if (attempts < settings.attemptsFor(call.operation())) {
            var wait = settings.backoffAfter(attempts);
            log.warn(
                    "No answer from the provider to {} of order {} (attempt {}): {}; trying again in {}",
                    call.operation(),
                    call.orderId(),
                    attempts,
                    e.getMessage(),
                    wait);
            calls.retryLater(call.id(), attempts, wait, e.getMessage());
            return;
        }
        Payment payment = payments.lock(call.orderId()).orElseThrow();
        PaymentOutcome outcome = payment.giveUp(call, e.getMessage(), clock.instant());
        if (!calls.fail(call.id(), Payment.PROVIDER_UNAVAILABLE, e.getMessage())) {
            return;
        }
        log.error(
                "Gave up {} of order {} after {} attempts without an answer: {}",
                call.operation(),
                call.orderId(),
                attempts,
                e.getMessage());
        meters.counter("payment.provider.calls", "operation", call.operation().name(), "outcome", "gave_up")
                .increment();
        payments.save(payment);
        answers.answer(outcome, commandOf(call), claimed.replyTo());
    }
}
