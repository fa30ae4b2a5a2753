package com.fooddelivery.order.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRefunded;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentNeedsAttention;
import com.fooddelivery.order.order.domain.OrderEvents.RefundFailed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PaymentMetricsTest {

    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PaymentMetrics metrics = new PaymentMetrics(meters);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_payment_that_needs_a_person_is_counted_by_its_reason() {
        metrics.on(new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED"));
        metrics.on(new PaymentNeedsAttention(ORDER, "CAPTURE_NOT_CONFIRMED"));
        metrics.on(new PaymentNeedsAttention(ORDER, "NOT_AUTHORIZED"));

        assertThat(attention("CAPTURE_NOT_CONFIRMED")).isEqualTo(2);
        assertThat(attention("NOT_AUTHORIZED")).isEqualTo(1);
    }

    @Test
    void an_unknown_reason_is_counted_as_other_so_codes_cannot_multiply_the_series() {
        metrics.on(new PaymentNeedsAttention(ORDER, "SOMETHING_NEW_" + UUID.randomUUID()));

        assertThat(attention("OTHER")).isEqualTo(1);
        assertThat(meters.find("orders.payment.attention").counters()).hasSize(1);
    }

    @Test
    void inside_a_transaction_it_is_counted_only_when_the_transaction_commits() {
        TransactionSynchronizationManager.initSynchronization();

        metrics.on(new PaymentNeedsAttention(ORDER, "PROVIDER_UNAVAILABLE"));

        assertThat(attention("PROVIDER_UNAVAILABLE")).isZero();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(attention("PROVIDER_UNAVAILABLE")).isEqualTo(1);
    }

    @Test
    void each_answered_refund_is_counted_by_its_outcome() {
        metrics.on(new OrderRefunded(ORDER, UUID.randomUUID(), new Money(4500, "INR")));
        metrics.on(new OrderRefunded(ORDER, UUID.randomUUID(), new Money(100, "INR")));
        metrics.on(new RefundFailed(ORDER, UUID.randomUUID(), "PROVIDER_UNAVAILABLE"));

        assertThat(meters.get("orders.refunds").tag("outcome", "paid").counter().count())
                .isEqualTo(2);
        assertThat(meters.get("orders.refunds")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private double attention(String reason) {
        var counter =
                meters.find("orders.payment.attention").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
