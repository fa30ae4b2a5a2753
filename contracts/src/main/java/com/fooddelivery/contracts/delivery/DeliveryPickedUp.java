package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/** The courier has the food: the order is out for delivery. */
public record DeliveryPickedUp(UUID orderId, UUID deliveryId, UUID courierId) {}
