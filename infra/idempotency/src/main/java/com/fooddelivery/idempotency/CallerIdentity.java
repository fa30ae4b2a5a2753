package com.fooddelivery.idempotency;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sends a request: keys are scoped per caller, so two callers using the same key never meet. A service may
 * replace the default ({@link PrincipalCallerIdentity}) by declaring its own bean.
 */
@FunctionalInterface
public interface CallerIdentity {

    /** @return the caller, or the empty string when the request names none */
    String of(HttpServletRequest request);
}
