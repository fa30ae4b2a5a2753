package com.fooddelivery.order.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.contracts.restaurant.OpeningHours;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.order.catalog.domain.Restaurant;
import com.fooddelivery.order.catalog.domain.RestaurantFixtures;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogContractMappingTest {

    @Test
    void a_restaurant_is_published_with_its_version_and_its_whole_menu_in_order() {
        Restaurant restaurant = RestaurantFixtures.dosaPlace();

        RestaurantChanged changed = CatalogContractMapping.restaurantChanged(restaurant);

        assertThat(changed)
                .isEqualTo(new RestaurantChanged(
                        RestaurantFixtures.RESTAURANT,
                        1,
                        "Dosa Corner",
                        "South Indian",
                        new GeoPoint(12.9719, 77.6412),
                        new OpeningHours(LocalTime.of(7, 0), LocalTime.of(22, 30), "Asia/Kolkata"),
                        List.of(
                                new MenuItem(
                                        RestaurantFixtures.id(1),
                                        "Masala Dosa",
                                        "Masala Dosa, freshly made",
                                        new Money(12000, "INR"),
                                        true),
                                new MenuItem(
                                        RestaurantFixtures.id(2),
                                        "Filter Coffee",
                                        "Filter Coffee, freshly made",
                                        new Money(4500, "INR"),
                                        true)),
                        RestaurantFixtures.REGISTERED_AT));
    }
}
