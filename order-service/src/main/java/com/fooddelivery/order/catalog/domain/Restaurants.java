package com.fooddelivery.order.catalog.domain;

import java.util.Optional;
import java.util.UUID;

/** The catalog's store of restaurants and their menus; every method runs in the caller's transaction. */
public interface Restaurants {

    Optional<Restaurant> find(UUID restaurantId);

    /** The restaurant, locked until the transaction ends, so concurrent changes of it happen one after the other. */
    Optional<Restaurant> findForUpdate(UUID restaurantId);

    void add(Restaurant restaurant);

    /** Stores a changed restaurant whose previous version is {@code restaurant.version() - 1}. */
    void update(Restaurant restaurant);
}
