package com.fooddelivery.payment.payment.domain;

/**
 * Where an order's payment stands. AUTHORIZING (the provider is being asked) and VOIDED (a void before any
 * authorization) can be reached from "no payment yet"; AUTHORIZED and DECLINED from AUTHORIZING; CAPTURED and VOIDED
 * from AUTHORIZED; REFUNDED from CAPTURED once everything captured was given back (a partial refund stays CAPTURED).
 */
public enum PaymentStatus {
    AUTHORIZING,
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    VOIDED,
    REFUNDED
}
