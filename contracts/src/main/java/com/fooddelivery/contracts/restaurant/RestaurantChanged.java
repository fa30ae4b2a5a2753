package com.fooddelivery.contracts.restaurant;

import com.fooddelivery.contracts.common.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The complete state of a restaurant and its menu after a catalog change, keyed by restaurantId. {@code version}
 * counts the restaurant's changes from 1, so a reader keeps the highest and ignores older or repeated ones.
 */
public record RestaurantChanged(
        UUID restaurantId,
        long version,
        String name,
        String cuisine,
        GeoPoint location,
        OpeningHours openingHours,
        List<MenuItem> menu,
        Instant changedAt) {}
