package com.fooddelivery.order.catalog.web;

import com.fooddelivery.order.catalog.domain.MenuItem;
import com.fooddelivery.order.catalog.domain.Restaurant;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** A restaurant as the catalog endpoints answer it: the version just made, with the ids of its menu items. */
record RestaurantView(
        UUID restaurantId,
        long version,
        String name,
        String cuisine,
        Location location,
        OpeningHours openingHours,
        List<Item> menu,
        Instant changedAt) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    record Location(double lat, double lon) {}

    record OpeningHours(String opensAt, String closesAt, String timeZone) {}

    record Item(UUID itemId, String name, String description, Price price, boolean available) {}

    record Price(long amountMinor, String currency) {}

    static RestaurantView of(Restaurant restaurant) {
        return new RestaurantView(
                restaurant.id(),
                restaurant.version(),
                restaurant.name(),
                restaurant.cuisine(),
                new Location(restaurant.location().lat(), restaurant.location().lon()),
                new OpeningHours(
                        hhmm(restaurant.openingHours().opensAt()),
                        hhmm(restaurant.openingHours().closesAt()),
                        restaurant.openingHours().timeZone().getId()),
                restaurant.menu().stream().map(RestaurantView::item).toList(),
                restaurant.changedAt());
    }

    private static Item item(MenuItem item) {
        return new Item(
                item.id(),
                item.name(),
                item.description(),
                new Price(item.price().amountMinor(), item.price().currency()),
                item.available());
    }

    private static String hhmm(LocalTime time) {
        return time.format(HH_MM);
    }
}
