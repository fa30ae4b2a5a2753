package com.fooddelivery.query.restaurant.search;

import com.fooddelivery.query.restaurant.projection.RestaurantDocument;
import java.util.List;

/**
 * One page of found restaurants (their documents without the menu) and how many were found in all.
 *
 * @param total every restaurant that matched, over all pages
 */
public record SearchResult(List<Hit> hits, long total) {

    /** @param distanceKm from the searched location, or null when the search had none */
    public record Hit(RestaurantDocument restaurant, Double distanceKm, boolean openNow) {}
}
