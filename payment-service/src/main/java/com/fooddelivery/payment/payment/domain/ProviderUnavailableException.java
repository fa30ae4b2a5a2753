package com.fooddelivery.payment.payment.domain;

/**
 * The provider could not be asked, or its answer was lost (network error, 5xx, timeout, open circuit). Transient:
 * the same call with the same idempotency key may be tried again. A decline is an answer, never this exception.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
