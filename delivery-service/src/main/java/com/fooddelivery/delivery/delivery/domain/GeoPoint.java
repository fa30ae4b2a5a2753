package com.fooddelivery.delivery.delivery.domain;

/** A point on Earth in degrees (WGS 84). */
public record GeoPoint(double lat, double lon) {

    /** Mean Earth radius (IUGG); good to about 0.5 % for great-circle distances. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || Double.isNaN(lat) || Double.isNaN(lon)) {
            throw new IllegalArgumentException("Not a point on Earth: " + lat + ", " + lon);
        }
    }

    /** Great-circle distance by the haversine formula, which stays accurate for the short distances we compare. */
    public double distanceKmTo(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
