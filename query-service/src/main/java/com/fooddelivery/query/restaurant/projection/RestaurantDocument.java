package com.fooddelivery.query.restaurant.projection;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.contracts.restaurant.OpeningHours;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.query.restaurant.projection.OpeningWeek.MinuteRange;
import com.fooddelivery.query.shared.projection.UnprojectableException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A restaurant with its menu as the apps read it, built from one {@code RestaurantChanged} (which carries the complete
 * state). {@code version} is the Elasticsearch external version, so an older or repeated change never overwrites a
 * newer one. {@code openMinutes} is derived from {@code openingHours} ({@link OpeningWeek}) for the "open now" query.
 */
public record RestaurantDocument(
        String restaurantId,
        long version,
        String name,
        String cuisine,
        GeoPoint location,
        OpeningHours openingHours,
        List<MinuteRange> openMinutes,
        List<MenuItem> menu,
        Instant changedAt) {

    /** @throws UnprojectableException if the change lacks what the read model needs */
    static RestaurantDocument of(RestaurantChanged change) {
        require(change.restaurantId() != null, "no restaurantId");
        require(change.version() >= 1, "version " + change.version() + " is not positive");
        require(change.name() != null && !change.name().isBlank(), "no name");
        require(change.cuisine() != null && !change.cuisine().isBlank(), "no cuisine");
        require(change.location() != null, "no location");
        OpeningHours hours = change.openingHours();
        require(
                hours != null && hours.opensAt() != null && hours.closesAt() != null && hours.timeZone() != null,
                "incomplete openingHours");
        require(
                OpeningWeek.TIME_ZONES.contains(hours.timeZone()),
                "timeZone " + hours.timeZone() + " is not a known IANA time-zone id");
        require(change.menu() != null, "no menu");
        require(
                change.menu().stream().allMatch(item -> item != null && item.itemId() != null && item.name() != null),
                "a menu item without itemId or name");
        return new RestaurantDocument(
                change.restaurantId().toString(),
                change.version(),
                change.name(),
                change.cuisine(),
                change.location(),
                hours,
                OpeningWeek.of(hours.opensAt(), hours.closesAt()),
                change.menu(),
                change.changedAt());
    }

    /** Whether the restaurant's own wall clock at {@code now} is within its opening hours. */
    public boolean isOpenAt(Instant now) {
        return OpeningWeek.isOpen(openMinutes, OpeningWeek.minuteOfWeek(now, ZoneId.of(openingHours.timeZone())));
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new UnprojectableException(reason);
        }
    }
}
