package com.fooddelivery.contracts.common;

public enum PaymentMethod {
    UPI,
    CARD,
    WALLET
}
