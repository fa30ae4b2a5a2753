package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.AuthorizationResult;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls the provider through, from the outside in: retry (exponential backoff with jitter, transient failures only)
 * → circuit breaker → bulkhead → time limiter. Safe to retry because every attempt carries the same idempotency key.
 * A decline is an answer, not an exception: it is neither retried nor counted as a failure by the circuit breaker.
 * When the circuit is open, the bulkhead full or the retries exhausted, {@link ProviderUnavailableException} (or
 * resilience4j's own exception) propagates, the command's transaction rolls back, and the message is redelivered.
 */
public class ResilientPaymentProvider implements PaymentProvider {

    private final PaymentProvider provider;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final Executor executor;

    public ResilientPaymentProvider(
            PaymentProvider provider,
            Retry retry,
            CircuitBreaker circuitBreaker,
            Bulkhead bulkhead,
            TimeLimiter timeLimiter,
            Executor executor) {
        this.provider = provider;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.timeLimiter = timeLimiter;
        this.executor = executor;
    }

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request, IdempotencyKey key) {
        return call(() -> provider.authorize(request, key));
    }

    @Override
    public void capture(String authorizationId, Money amount, IdempotencyKey key) {
        call(() -> {
            provider.capture(authorizationId, amount, key);
            return key;
        });
    }

    @Override
    public void voidAuthorization(String authorizationId, IdempotencyKey key) {
        call(() -> {
            provider.voidAuthorization(authorizationId, key);
            return key;
        });
    }

    private <T> T call(Supplier<T> operation) {
        Callable<T> limited =
                () -> timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(operation, executor));
        Callable<T> decorated = Retry.decorateCallable(
                retry, CircuitBreaker.decorateCallable(circuitBreaker, Bulkhead.decorateCallable(bulkhead, limited)));
        try {
            return decorated.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException("The payment provider did not answer in time", e);
        } catch (Exception e) {
            throw new ProviderUnavailableException("The payment provider call failed", e);
        }
    }
}
