package com.fooddelivery.order.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Internal event of the Order aggregate; the integration event {@code OrderPlaced} is derived from it. */
public record OrderPlacedEvent(
        UUID orderId,
        UUID customerId,
        UUID restaurantId,
        String restaurantName,
        GeoLocation restaurantLocation,
        List<OrderLine> lines,
        Money total,
        PaymentMethod paymentMethod,
        DeliveryAddress deliveryAddress,
        Instant placedAt) {}
