package com.fooddelivery.contracts.order;

import java.time.Instant;

/** One entry of an order's status timeline; {@code reason} is null except for REJECTED and CANCELLED. */
public record StatusChange(OrderStatus status, OrderStatusReason reason, Instant at) {}
