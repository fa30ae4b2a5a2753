package com.fooddelivery.delivery.delivery.domain;

/** Where the food goes. */
public record Address(String line1, String city, GeoPoint location) {}
