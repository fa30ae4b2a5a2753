package com.fooddelivery.query.restaurant.projection;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.contracts.restaurant.OpeningHours;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Restaurant changes as order-service's catalog publishes them. */
public final class RestaurantEvents {

    public static final Instant CHANGED_AT = Instant.parse("2026-11-20T09:00:00Z");
    public static final GeoPoint MG_ROAD = new GeoPoint(12.9750, 77.6060);

    private RestaurantEvents() {}

    /** Version 1 of a restaurant. */
    public static RestaurantChanged restaurant(
            UUID restaurantId,
            String name,
            String cuisine,
            GeoPoint location,
            OpeningHours hours,
            List<MenuItem> menu) {
        return new RestaurantChanged(restaurantId, 1, name, cuisine, location, hours, menu, CHANGED_AT);
    }

    /** The same restaurant at another version, renamed so that a test can tell the versions apart. */
    public static RestaurantChanged atVersion(RestaurantChanged restaurant, long version, String name) {
        return new RestaurantChanged(
                restaurant.restaurantId(),
                version,
                name,
                restaurant.cuisine(),
                restaurant.location(),
                restaurant.openingHours(),
                restaurant.menu(),
                CHANGED_AT.plusSeconds(version));
    }

    /** Daily hours, {@code "HH:mm"} in the zone. */
    public static OpeningHours hours(String opensAt, String closesAt, String timeZone) {
        return new OpeningHours(LocalTime.parse(opensAt), LocalTime.parse(closesAt), timeZone);
    }

    public static OpeningHours kolkata(String opensAt, String closesAt) {
        return hours(opensAt, closesAt, "Asia/Kolkata");
    }

    public static MenuItem dish(String name, String description, long rupees) {
        return new MenuItem(UUID.randomUUID(), name, description, new Money(rupees * 100, "INR"), true);
    }

    public static MenuItem soldOut(String name, String description, long rupees) {
        return new MenuItem(UUID.randomUUID(), name, description, new Money(rupees * 100, "INR"), false);
    }
}
