package com.fooddelivery.payment.payment.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.ProviderOperation;
import com.fooddelivery.payment.payment.domain.ProviderResult;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The resilience4j stack as application.yml configures it, with short waits. */
class ResilientPaymentProviderTest {

    private static final int MAX_ATTEMPTS = 4;
    private static final AuthorizationRequest CARD_PAYMENT = new AuthorizationRequest(
            UUID.randomUUID(), UUID.randomUUID(), new Money(49_800, "INR"), PaymentMethod.CARD);
    private static final AuthorizationRequest CARD_WITH_INSUFFICIENT_FUNDS = new AuthorizationRequest(
            UUID.randomUUID(), UUID.randomUUID(), new Money(49_851, "INR"), PaymentMethod.CARD);

    private final SimulatedPaymentProvider simulated = new SimulatedPaymentProvider(
            SimulatedPaymentProvider.Settings.reliable(), () -> 0.5, SimulatedPaymentProvider.Memory.inMemory());
    private final CircuitBreaker circuitBreaker = CircuitBreaker.of(
            "test",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(1))
                    .recordExceptions(ProviderUnavailableException.class)
                    .build());

    @Test
    void a_lost_response_is_retried_and_charges_once() {
        FailingFirst provider = FailingFirst.afterPerforming(2, simulated);

        ProviderResult result = resilient(provider).authorize(CARD_PAYMENT, key(CARD_PAYMENT));

        assertThat(result).isInstanceOf(ProviderResult.Approved.class);
        assertThat(provider.calls()).isEqualTo(3);
        assertThat(simulated.operationsPerformed()).isEqualTo(1);
    }

    @Test
    void a_decline_is_an_answer_and_is_not_retried() {
        FailingFirst provider = FailingFirst.afterPerforming(0, simulated);

        ProviderResult result =
                resilient(provider).authorize(CARD_WITH_INSUFFICIENT_FUNDS, key(CARD_WITH_INSUFFICIENT_FUNDS));

        assertThat(result).isInstanceOf(ProviderResult.Declined.class);
        assertThat(provider.calls()).isEqualTo(1);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void a_provider_that_stays_unavailable_fails_after_the_last_attempt() {
        FailingFirst provider = FailingFirst.beforePerforming(Integer.MAX_VALUE, simulated);

        assertThatThrownBy(() -> resilient(provider).authorize(CARD_PAYMENT, key(CARD_PAYMENT)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(provider.calls()).isEqualTo(MAX_ATTEMPTS);
        assertThat(simulated.operationsPerformed()).isZero();
    }

    @Test
    void calls_beyond_the_bulkhead_are_answered_unavailable_at_once_and_never_reach_the_provider() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger reached = new AtomicInteger();
        PaymentProvider blocking = new Delegating(simulated) {
            @Override
            public ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key) {
                reached.incrementAndGet();
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.authorize(request, key);
            }
        };
        PaymentProvider resilient = resilient(blocking);
        Thread first = Thread.ofVirtual().start(() -> resilient.authorize(CARD_PAYMENT, key(CARD_PAYMENT)));
        Thread second = Thread.ofVirtual().start(() -> resilient.authorize(CARD_PAYMENT, key(CARD_PAYMENT)));
        inside.await();

        assertThatThrownBy(() -> resilient.authorize(CARD_PAYMENT, key(CARD_PAYMENT)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("in flight");
        release.countDown();
        first.join();
        second.join();
        assertThat(reached)
                .as("the two calls the bulkhead holds, not the third")
                .hasValue(2);
    }

    @Test
    void after_repeated_failures_the_circuit_opens_and_stops_calling_the_provider() {
        FailingFirst provider = FailingFirst.beforePerforming(Integer.MAX_VALUE, simulated);
        PaymentProvider resilient = resilient(provider);
        assertThatThrownBy(() -> resilient.authorize(CARD_PAYMENT, key(CARD_PAYMENT)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> resilient.capture("sim_auth_1", new Money(1, "INR"), key(CARD_PAYMENT)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("circuit is open");

        assertThat(provider.calls()).isEqualTo(MAX_ATTEMPTS);
    }

    private ResilientPaymentProvider resilient(PaymentProvider provider) {
        Retry retry = Retry.of(
                "test",
                RetryConfig.custom()
                        .maxAttempts(MAX_ATTEMPTS)
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(10), 2, 0.5))
                        .retryExceptions(ProviderUnavailableException.class)
                        .build());
        Bulkhead bulkhead = Bulkhead.of(
                "test",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(2)
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        return new ResilientPaymentProvider(provider, retry, circuitBreaker, bulkhead);
    }

    private static IdempotencyKey key(AuthorizationRequest request) {
        return IdempotencyKey.of(request.orderId(), ProviderOperation.AUTHORIZE);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static class Delegating implements PaymentProvider {

        private final PaymentProvider provider;

        Delegating(PaymentProvider provider) {
            this.provider = provider;
        }

        @Override
        public ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key) {
            return provider.authorize(request, key);
        }

        @Override
        public void capture(String authorizationId, Money amount, IdempotencyKey key) {
            provider.capture(authorizationId, amount, key);
        }

        @Override
        public void voidAuthorization(String authorizationId, IdempotencyKey key) {
            provider.voidAuthorization(authorizationId, key);
        }

        @Override
        public void refund(String authorizationId, Money amount, IdempotencyKey key) {
            provider.refund(authorizationId, amount, key);
        }
    }

    /** Fails its first calls transiently, before or after the real provider performed the operation. */
    private static final class FailingFirst extends Delegating {

        private final int failures;
        private final boolean afterPerforming;
        private final AtomicInteger calls = new AtomicInteger();

        private FailingFirst(int failures, boolean afterPerforming, PaymentProvider provider) {
            super(provider);
            this.failures = failures;
            this.afterPerforming = afterPerforming;
        }

        static FailingFirst afterPerforming(int failures, PaymentProvider provider) {
            return new FailingFirst(failures, true, provider);
        }

        static FailingFirst beforePerforming(int failures, PaymentProvider provider) {
            return new FailingFirst(failures, false, provider);
        }

        int calls() {
            return calls.get();
        }

        @Override
        public ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key) {
            int call = calls.incrementAndGet();
            if (call <= failures && !afterPerforming) {
                throw new ProviderUnavailableException("connection refused");
            }
            ProviderResult result = super.authorize(request, key);
            if (call <= failures) {
                throw new ProviderUnavailableException("response lost");
            }
            return result;
        }

        @Override
        public void capture(String authorizationId, Money amount, IdempotencyKey key) {
            calls.incrementAndGet();
            throw new ProviderUnavailableException("connection refused");
        }
    }
}
