package com.fooddelivery.order.catalog.domain;

/** Where a restaurant is, in WGS 84 degrees. */
public record Location(double lat, double lon) {

    public Location {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a position on earth: " + lat + ", " + lon);
        }
    }
}
