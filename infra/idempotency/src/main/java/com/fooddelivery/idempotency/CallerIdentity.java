package com.fooddelivery.idempotency;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sends a request: keys are scoped per caller, so two callers using the same key never meet. A service replaces
 * the default ({@link HeaderCallerIdentity}) by declaring its own bean, e.g. the JWT subject once authentication
 * exists.
 */
@FunctionalInterface
public interface CallerIdentity {

    /** @return the caller, or the empty string when the request names none */
    String of(HttpServletRequest request);
}
