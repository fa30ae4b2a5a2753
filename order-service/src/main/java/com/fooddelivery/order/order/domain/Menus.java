package com.fooddelivery.order.order.domain;

import java.util.Optional;
import java.util.UUID;

/** Where orders find the current menu of a restaurant (implemented by the catalog). */
public interface Menus {

    Optional<Menu> find(UUID restaurantId);
}
