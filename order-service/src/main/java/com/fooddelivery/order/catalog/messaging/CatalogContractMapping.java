package com.fooddelivery.order.catalog.messaging;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.contracts.restaurant.OpeningHours;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.order.catalog.domain.Restaurant;

/** The catalog's records as the integration messages of {@code contracts}. */
final class CatalogContractMapping {

    private CatalogContractMapping() {}

    static RestaurantChanged restaurantChanged(Restaurant restaurant) {
        return new RestaurantChanged(
                restaurant.id(),
                restaurant.version(),
                restaurant.name(),
                restaurant.cuisine(),
                new GeoPoint(restaurant.location().lat(), restaurant.location().lon()),
                new OpeningHours(
                        restaurant.openingHours().opensAt(),
                        restaurant.openingHours().closesAt(),
                        restaurant.openingHours().timeZone().getId()),
                restaurant.menu().stream()
                        .map(item -> new MenuItem(
                                item.id(),
                                item.name(),
                                item.description(),
                                new Money(
                                        item.price().amountMinor(), item.price().currency()),
                                item.available()))
                        .toList(),
                restaurant.changedAt());
    }
}
