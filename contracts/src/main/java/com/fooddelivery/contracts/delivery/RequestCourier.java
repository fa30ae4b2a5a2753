package com.fooddelivery.contracts.delivery;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import java.util.UUID;

/**
 * Find a courier for a prepared-or-preparing order: offer it to the nearest available courier to {@code pickup}.
 * Answered by CourierAssigned, or NoCourierAvailable if delivery-service gives up.
 */
public record RequestCourier(
        UUID orderId, UUID restaurantId, String restaurantName, GeoPoint pickup, DeliveryAddress dropoff) {}
