package com.fooddelivery.query.restaurant.web;

import java.util.List;

/**
 * One page of a search.
 *
 * @param page zero-based number of this page
 * @param totalItems restaurants found over all pages
 */
record SearchPage(List<RestaurantSummary> items, int page, int size, long totalItems, long totalPages) {

    static SearchPage of(List<RestaurantSummary> items, int page, int size, long totalItems) {
        return new SearchPage(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
