package com.fooddelivery.payment.payment.domain;

/**
 * Where an order's payment stands. AUTHORIZED, DECLINED and VOIDED can be reached from "no payment yet"; CAPTURED and
 * VOIDED from AUTHORIZED. REFUNDED is reserved for refunds (no command reaches it yet).
 */
public enum PaymentStatus {
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    VOIDED,
    REFUNDED
}
