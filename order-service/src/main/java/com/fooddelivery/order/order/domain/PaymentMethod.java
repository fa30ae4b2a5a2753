package com.fooddelivery.order.order.domain;

public enum PaymentMethod {
    UPI,
    CARD,
    WALLET
}
