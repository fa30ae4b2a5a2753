package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.ProviderResult;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * Calls the provider through, from the outside in: retry (a few quick attempts with backoff and jitter, transient
 * failures only) → circuit breaker → bulkhead. Every attempt runs on the calling thread and carries the same
 * idempotency key, so a retry can never charge twice, nothing keeps running after the caller gave up, and the
 * semaphore bulkhead bounds the calls really in flight. How long one attempt may take is the provider client's own
 * timeout (a real HTTP client's read timeout), which ends the attempt with {@link ProviderUnavailableException}.
 * A decline is an answer, not an exception: it is neither retried nor counted as a failure by the circuit breaker.
 * When the circuit is open, the bulkhead full or the quick retries exhausted, {@link ProviderUnavailableException}
 * reaches the caller, which records "no answer" and tries the call again later.
 */
public class ResilientPaymentProvider implements PaymentProvider {

    private final PaymentProvider provider;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    public ResilientPaymentProvider(
            PaymentProvider provider, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.provider = provider;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    @Override
    public ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key) {
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

    @Override
    public void refund(String authorizationId, Money amount, IdempotencyKey key) {
        call(() -> {
            provider.refund(authorizationId, amount, key);
            return key;
        });
    }

    private <T> T call(Supplier<T> operation) {
        Supplier<T> decorated = Retry.decorateSupplier(
                retry, CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, operation)));
        try {
            return decorated.get();
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException("The payment provider's circuit is open", e);
        } catch (BulkheadFullException e) {
            throw new ProviderUnavailableException("Too many payment provider calls in flight", e);
        }
    }
}
