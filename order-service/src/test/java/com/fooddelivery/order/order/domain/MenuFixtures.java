package com.fooddelivery.order.order.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A small South Indian menu, open around the clock unless a test says otherwise. */
final class MenuFixtures {

    static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    static final UUID DOSA = UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21");
    static final UUID COFFEE = UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e23");
    static final UUID SOLD_OUT_SWEET = UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e24");
    static final Money DOSA_PRICE = new Money(12000, "INR");
    static final Money COFFEE_PRICE = new Money(4500, "INR");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final GeoLocation LOCATION = new GeoLocation(12.9719, 77.6412);

    private MenuFixtures() {}

    static Menu openAllDay() {
        return withHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    static Menu withHours(LocalTime opensAt, LocalTime closesAt) {
        return new Menu(
                RESTAURANT,
                "Saravana Bhavan",
                LOCATION,
                opensAt,
                closesAt,
                KOLKATA,
                Map.of(
                        DOSA, new Menu.Item(DOSA, "Masala Dosa", DOSA_PRICE, true),
                        COFFEE, new Menu.Item(COFFEE, "Filter Coffee", COFFEE_PRICE, true),
                        SOLD_OUT_SWEET, new Menu.Item(SOLD_OUT_SWEET, "Rava Kesari", new Money(6000, "INR"), false)));
    }

    static Menus catalogWith(Menu menu) {
        return restaurantId -> restaurantId.equals(menu.restaurantId()) ? Optional.of(menu) : Optional.empty();
    }
}
