package com.fooddelivery.contracts.order;

import java.util.UUID;

/** The courier delivering an order and the delivery-service delivery that assigned them. */
public record Courier(UUID courierId, UUID deliveryId) {}
