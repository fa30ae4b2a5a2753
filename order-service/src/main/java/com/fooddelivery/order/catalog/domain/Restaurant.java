package com.fooddelivery.order.catalog.domain;

import com.fooddelivery.order.catalog.domain.MenuChangeRejectedException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A restaurant with its complete menu, in the order the restaurant gave. {@code version} counts its changes from 1;
 * every change makes a new version, which is what {@code restaurants.events} carries.
 */
public record Restaurant(
        UUID id,
        long version,
        String name,
        String cuisine,
        Location location,
        OpeningHours openingHours,
        List<MenuItem> menu,
        Instant changedAt) {

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_CUISINE_LENGTH = 60;
    public static final int MAX_MENU_ITEMS = 200;

    public Restaurant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(changedAt, "changedAt");
        if (version < 1) {
            throw new IllegalArgumentException("Versions count from 1: " + version);
        }
        name = requireText(name, MAX_NAME_LENGTH, "name");
        cuisine = requireText(cuisine, MAX_CUISINE_LENGTH, "cuisine");
        menu = List.copyOf(menu);
        if (menu.size() > MAX_MENU_ITEMS) {
            throw new IllegalArgumentException("A menu has at most " + MAX_MENU_ITEMS + " items: " + menu.size());
        }
    }

    /**
     * A new restaurant, version 1; every item gets a new id.
     *
     * @throws MenuChangeRejectedException if the menu mixes currencies or names an item id (there is no menu yet)
     */
    public static Restaurant register(
            UUID id,
            String name,
            String cuisine,
            Location location,
            OpeningHours openingHours,
            List<MenuItem.Draft> menu,
            Supplier<UUID> newIds,
            Instant at) {
        return new Restaurant(id, 1, name, cuisine, location, openingHours, List.of(), at)
                .menuFrom(menu, newIds, 1, at);
    }

    /**
     * The next version with {@code drafts} as its whole menu: an item with the id of an item on the current menu keeps
     * that id, an item without id gets a new one, and items not listed are removed.
     *
     * @throws MenuChangeRejectedException if an item id is not on this menu or is listed twice, or currencies are mixed
     */
    public Restaurant withMenu(List<MenuItem.Draft> drafts, Supplier<UUID> newIds, Instant at) {
        return menuFrom(drafts, newIds, Math.addExact(version, 1), at);
    }

    private Restaurant menuFrom(List<MenuItem.Draft> drafts, Supplier<UUID> newIds, long newVersion, Instant at) {
        if (drafts.size() > MAX_MENU_ITEMS) {
            throw new IllegalArgumentException("A menu has at most " + MAX_MENU_ITEMS + " items: " + drafts.size());
        }
        Map<UUID, MenuItem> current = menu.stream().collect(Collectors.toMap(MenuItem::id, Function.identity()));
        Set<UUID> listed = new HashSet<>();
        for (MenuItem.Draft draft : drafts) {
            if (draft.itemId() == null) {
                continue;
            }
            if (!current.containsKey(draft.itemId())) {
                throw new MenuChangeRejectedException(
                        Reason.UNKNOWN_MENU_ITEM,
                        "Item %s is not on the menu of %s".formatted(draft.itemId(), name),
                        draft.itemId(),
                        name);
            }
            if (!listed.add(draft.itemId())) {
                throw new MenuChangeRejectedException(
                        Reason.DUPLICATE_MENU_ITEM,
                        "Item %s is listed more than once".formatted(draft.itemId()),
                        draft.itemId());
            }
        }
        Set<String> currencies =
                drafts.stream().map(draft -> draft.price().currency()).collect(Collectors.toCollection(HashSet::new));
        if (currencies.size() > 1) {
            String mixed = String.join(", ", currencies.stream().sorted().toList());
            throw new MenuChangeRejectedException(
                    Reason.MIXED_CURRENCIES, "A menu is priced in one currency; this one has " + mixed, mixed);
        }
        List<MenuItem> items = new ArrayList<>(drafts.size());
        for (MenuItem.Draft draft : drafts) {
            items.add(draft.withId(draft.itemId() != null ? draft.itemId() : newIds.get()));
        }
        return new Restaurant(id, newVersion, name, cuisine, location, openingHours, items, at);
    }

    static String requireText(String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength);
        }
        return stripped;
    }
}
