package com.fooddelivery.query.restaurant.search;

import com.fooddelivery.contracts.common.GeoPoint;

/**
 * What a customer looks for; only restaurants open at the time of the search are found.
 *
 * @param text words to find in names, cuisines and available dishes, or null for every restaurant
 * @param cuisine exact cuisine (case-insensitive), or null for any
 * @param near where the customer is, or null: with it, only restaurants within {@code radiusKm}, nearest first
 * @param page zero-based page of {@code size} restaurants
 */
public record SearchCriteria(String text, String cuisine, GeoPoint near, double radiusKm, int page, int size) {}
