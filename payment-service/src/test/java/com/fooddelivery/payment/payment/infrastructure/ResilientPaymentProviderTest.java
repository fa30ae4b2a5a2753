package com.fooddelivery.payment.payment.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.AuthorizationResult;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.ProviderOperation;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resilience4j stack as application.yml configures it, with short waits. */
class ResilientPaymentProviderTest {

    private static final int MAX_ATTEMPTS = 4;
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final AuthorizationRequest CARD_PAYMENT = new AuthorizationRequest(
            UUID.randomUUID(), UUID.randomUUID(), new Money(49_800, "INR"), PaymentMethod.CARD);
    private static final AuthorizationRequest CARD_WITH_INSUFFICIENT_FUNDS = new AuthorizationRequest(
            UUID.randomUUID(), UUID.randomUUID(), new Money(49_851, "INR"), PaymentMethod.CARD);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SimulatedPaymentProvider simulated =
            new SimulatedPaymentProvider(SimulatedPaymentProvider.Settings.reliable(), () -> 0.5);
    private final CircuitBreaker circuitBreaker = CircuitBreaker.of(
            "test",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(1))
                    .recordExceptions(ProviderUnavailableException.class, TimeoutException.class)
                    .build());

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void a_lost_response_is_retried_and_charges_once() {
        FailingFirst provider = FailingFirst.afterPerforming(2, simulated);

        AuthorizationResult result = resilient(provider).authorize(CARD_PAYMENT, key(CARD_PAYMENT));

        assertThat(result).isInstanceOf(AuthorizationResult.Approved.class);
        assertThat(provider.calls()).isEqualTo(3);
        assertThat(simulated.operationsPerformed()).isEqualTo(1);
    }

    @Test
    void a_decline_is_an_answer_and_is_not_retried() {
        FailingFirst provider = FailingFirst.afterPerforming(0, simulated);

        AuthorizationResult result =
                resilient(provider).authorize(CARD_WITH_INSUFFICIENT_FUNDS, key(CARD_WITH_INSUFFICIENT_FUNDS));

        assertThat(result).isInstanceOf(AuthorizationResult.Declined.class);
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
    void a_call_slower_than_the_timeout_is_abandoned_and_retried_with_the_same_key() {
        AtomicInteger calls = new AtomicInteger();
        PaymentProvider slowOnce = new Delegating(simulated) {
            @Override
            public AuthorizationResult authorize(AuthorizationRequest request, IdempotencyKey key) {
                if (calls.incrementAndGet() == 1) {
                    sleep(TIMEOUT.multipliedBy(3));
                }
                return super.authorize(request, key);
            }
        };

        AuthorizationResult result = resilient(slowOnce).authorize(CARD_PAYMENT, key(CARD_PAYMENT));

        assertThat(result).isInstanceOf(AuthorizationResult.Approved.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void after_repeated_failures_the_circuit_opens_and_stops_calling_the_provider() {
        FailingFirst provider = FailingFirst.beforePerforming(Integer.MAX_VALUE, simulated);
        PaymentProvider resilient = resilient(provider);
        assertThatThrownBy(() -> resilient.authorize(CARD_PAYMENT, key(CARD_PAYMENT)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> resilient.capture("sim_auth_1", new Money(1, "INR"), key(CARD_PAYMENT)))
                .isInstanceOf(CallNotPermittedException.class);

        assertThat(provider.calls()).isEqualTo(MAX_ATTEMPTS);
    }

    private ResilientPaymentProvider resilient(PaymentProvider provider) {
        Retry retry = Retry.of(
                "test",
                RetryConfig.custom()
                        .maxAttempts(MAX_ATTEMPTS)
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(10), 2, 0.5))
                        .retryExceptions(ProviderUnavailableException.class, TimeoutException.class)
                        .build());
        Bulkhead bulkhead = Bulkhead.of(
                "test", BulkheadConfig.custom().maxConcurrentCalls(2).build());
        TimeLimiter timeLimiter = TimeLimiter.of(
                TimeLimiterConfig.custom().timeoutDuration(TIMEOUT).build());
        return new ResilientPaymentProvider(provider, retry, circuitBreaker, bulkhead, timeLimiter, executor);
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
        public AuthorizationResult authorize(AuthorizationRequest request, IdempotencyKey key) {
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
        public AuthorizationResult authorize(AuthorizationRequest request, IdempotencyKey key) {
            int call = calls.incrementAndGet();
            if (call <= failures && !afterPerforming) {
                throw new ProviderUnavailableException("connection refused");
            }
            AuthorizationResult result = super.authorize(request, key);
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
