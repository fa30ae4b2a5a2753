package com.fooddelivery.query.restaurant.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.query.restaurant.search.SearchResult;

/**
 * A found restaurant. {@code opensAt}/{@code closesAt} are daily, in the restaurant's {@code timeZone};
 * {@code distanceKm} is there only when the search had a location.
 */
record RestaurantSummary(
        String restaurantId,
        String name,
        String cuisine,
        GeoPoint location,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceKm,
        boolean openNow,
        String opensAt,
        String closesAt,
        String timeZone) {

    static RestaurantSummary of(SearchResult.Hit hit) {
        var restaurant = hit.restaurant();
        var hours = restaurant.openingHours();
        return new RestaurantSummary(
                restaurant.restaurantId(),
                restaurant.name(),
                restaurant.cuisine(),
                restaurant.location(),
                hit.distanceKm(),
                hit.openNow(),
                LocalTimes.format(hours.opensAt()),
                LocalTimes.format(hours.closesAt()),
                hours.timeZone());
    }
}
