package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/** A courier accepted the delivery of the order. */
public record CourierAssigned(UUID orderId, UUID deliveryId, UUID courierId) {}
