package com.fooddelivery.payment.payment.domain;

/** What the payment provider is asked to do; one ledger row per operation it actually performed. */
public enum ProviderOperation {
    AUTHORIZE,
    CAPTURE,
    VOID,
    REFUND
}
