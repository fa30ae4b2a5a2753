package com.fooddelivery.order.order.domain;

public enum OrderStatus {
    PENDING
}
