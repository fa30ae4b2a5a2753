package com.fooddelivery.payment.payment.domain;

public enum PaymentMethod {
    UPI,
    CARD,
    WALLET
}
