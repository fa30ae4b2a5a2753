package com.fooddelivery.order.catalog.domain;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A small Bengaluru dosa place, and ids that tests can predict. */
public final class RestaurantFixtures {

    public static final UUID RESTAURANT = UUID.fromString("7a1e0c5d-0000-4000-8000-000000000001");
    public static final Instant REGISTERED_AT = Instant.parse("2026-11-01T09:00:00Z");
    public static final Instant CHANGED_AT = Instant.parse("2026-11-02T10:30:00Z");
    public static final Location BENGALURU = new Location(12.9719, 77.6412);
    public static final OpeningHours BREAKFAST_TO_DINNER = OpeningHours.of("07:00", "22:30", "Asia/Kolkata");

    private RestaurantFixtures() {}

    public static Price rupees(long rupees) {
        return new Price(rupees * 100, "INR");
    }

    public static MenuItem.Draft newDish(String name, Price price) {
        return MenuItem.Draft.newItem(name, name + ", freshly made", price, true);
    }

    public static MenuItem.Draft kept(MenuItem item) {
        return new MenuItem.Draft(item.id(), item.name(), item.description(), item.price(), item.available());
    }

    /** Hands out the given ids in order, then fails: a test sees exactly which items got new ids. */
    public static Supplier<UUID> ids(UUID... ids) {
        Deque<UUID> queue = new ArrayDeque<>(List.of(ids));
        return () -> {
            if (queue.isEmpty()) {
                throw new AssertionError("No more ids expected");
            }
            return queue.removeFirst();
        };
    }

    public static UUID id(int n) {
        return UUID.fromString("1d000000-0000-4000-8000-%012d".formatted(n));
    }

    /** Registered with Masala Dosa (id 1) and Filter Coffee (id 2), both in rupees. */
    public static Restaurant dosaPlace() {
        return Restaurant.register(
                RESTAURANT,
                "Dosa Corner",
                "South Indian",
                BENGALURU,
                BREAKFAST_TO_DINNER,
                List.of(newDish("Masala Dosa", rupees(120)), newDish("Filter Coffee", rupees(45))),
                ids(id(1), id(2)),
                REGISTERED_AT);
    }
}
