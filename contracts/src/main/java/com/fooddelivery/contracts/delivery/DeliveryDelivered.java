package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/** The courier handed the order to the customer. */
public record DeliveryDelivered(UUID orderId, UUID deliveryId, UUID courierId) {}
