package com.fooddelivery.payment.payment.domain;

/**
 * The payment provider (card network, UPI switch, wallet). Every call carries an idempotency key: the provider
 * performs the operation once per key and answers a repeated key with the first result, which is how a call whose
 * answer was lost (a timeout) is reconciled: it is asked again with the same key.
 *
 * @throws ProviderUnavailableException from any method when the call may be tried again with the same key
 */
public interface PaymentProvider {

    /** @return {@link ProviderResult.Approved} or {@link ProviderResult.Declined} */
    ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key);

    /** Takes {@code amount} (at most the authorized amount) of an approved authorization. */
    void capture(String authorizationId, Money amount, IdempotencyKey key);

    /** Releases an approved authorization that was not captured. */
    void voidAuthorization(String authorizationId, IdempotencyKey key);

    /** Gives back {@code amount} of what was captured on the authorization. */
    void refund(String authorizationId, Money amount, IdempotencyKey key);
}
