package com.fooddelivery.order.order.application;

import com.fooddelivery.order.order.domain.OrderEvents.OrderRefunded;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentNeedsAttention;
import com.fooddelivery.order.order.domain.OrderEvents.RefundFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what happens to the money after delivery, for alerts: {@code orders.payment.attention} by {@code reason}
 * (each is a payment a person must look at) and {@code orders.refunds} by {@code outcome} ({@code paid},
 * {@code failed}: a failed refund is one a person asked for and the customer did not get). Counted when the transaction of the change commits (the subscribing
 * processor runs in it), so an attempt that lost a race, was rolled back and retried is counted once.
 *
 * <p>{@code reason} is a code of payment-service's: the ones known today are kept, anything else is {@code OTHER}, so
 * a new or malformed code cannot create a time series per value.
 */
@Component
@ProcessingGroup("order-payment-metrics")
class PaymentMetrics {

    static final String OTHER = "OTHER";

    private static final Set<String> KNOWN_REASONS = Set.of(
            "CAPTURE_NOT_CONFIRMED",
            "NOT_AUTHORIZED",
            "CAPTURE_EXCEEDS_AUTHORIZATION",
            "ALREADY_CAPTURED",
            "PROVIDER_UNAVAILABLE");

    private final MeterRegistry meters;

    PaymentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventHandler
    void on(PaymentNeedsAttention event) {
        Counter counter = Counter.builder("orders.payment.attention")
                .description("Delivered orders whose payment needs a person (not captured)")
                .tag("reason", KNOWN_REASONS.contains(event.reason()) ? event.reason() : OTHER)
                .register(meters);
        afterCommit(counter);
    }

    @EventHandler
    void on(OrderRefunded event) {
        afterCommit(refunds("paid"));
    }

    @EventHandler
    void on(RefundFailed event) {
        afterCommit(refunds("failed"));
    }

    private Counter refunds(String outcome) {
        return Counter.builder("orders.refunds")
                .description("Refunds payment-service answered, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
