package com.fooddelivery.delivery.delivery.application;

import com.fooddelivery.delivery.delivery.domain.Address;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import java.util.UUID;

/** What a RequestCourier asks for, in domain terms. */
public record NewDelivery(UUID orderId, UUID restaurantId, String restaurantName, GeoPoint pickup, Address dropoff) {}
