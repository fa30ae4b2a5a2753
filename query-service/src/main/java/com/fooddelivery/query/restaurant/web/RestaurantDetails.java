package com.fooddelivery.query.restaurant.web;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.query.restaurant.projection.RestaurantDocument;
import java.time.Instant;
import java.util.List;

/** A restaurant with its whole menu, unavailable dishes included (flagged), and whether it is open now. */
record RestaurantDetails(
        String restaurantId,
        long version,
        String name,
        String cuisine,
        GeoPoint location,
        boolean openNow,
        String opensAt,
        String closesAt,
        String timeZone,
        List<MenuItem> menu,
        Instant changedAt) {

    static RestaurantDetails of(RestaurantDocument restaurant, boolean openNow) {
        var hours = restaurant.openingHours();
        return new RestaurantDetails(
                restaurant.restaurantId(),
                restaurant.version(),
                restaurant.name(),
                restaurant.cuisine(),
                restaurant.location(),
                openNow,
                LocalTimes.format(hours.opensAt()),
                LocalTimes.format(hours.closesAt()),
                hours.timeZone(),
                restaurant.menu(),
                restaurant.changedAt());
    }
}
