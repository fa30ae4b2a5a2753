package com.fooddelivery.order.catalog.domain;

import java.util.Objects;
import java.util.UUID;

/** A dish on a restaurant's menu; an unavailable one stays on the menu but cannot be ordered. */
public record MenuItem(UUID id, String name, String description, Price price, boolean available) {

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    public MenuItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(price, "price");
        name = Restaurant.requireText(name, MAX_NAME_LENGTH, "name");
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description is longer than " + MAX_DESCRIPTION_LENGTH);
        }
    }

    /**
     * A menu item as a restaurant submits it: {@code itemId} names an item already on its menu (it keeps its id), or
     * is {@code null} for a new item.
     */
    public record Draft(UUID itemId, String name, String description, Price price, boolean available) {

        public static Draft newItem(String name, String description, Price price, boolean available) {
            return new Draft(null, name, description, price, available);
        }

        MenuItem withId(UUID id) {
            return new MenuItem(id, name, description, price, available);
        }
    }
}
