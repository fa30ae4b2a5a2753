package com.fooddelivery.order.catalog.domain;

import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.BENGALURU;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.BREAKFAST_TO_DINNER;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.CHANGED_AT;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.REGISTERED_AT;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.RESTAURANT;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.dosaPlace;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.id;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.ids;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.kept;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.newDish;
import static com.fooddelivery.order.catalog.domain.RestaurantFixtures.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.order.catalog.domain.MenuChangeRejectedException.Reason;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestaurantTest {

    @Test
    void a_registered_restaurant_is_at_version_1_with_new_ids_for_its_items_in_the_given_order() {
        Restaurant restaurant = dosaPlace();

        assertThat(restaurant.version()).isEqualTo(1);
        assertThat(restaurant.changedAt()).isEqualTo(REGISTERED_AT);
        assertThat(restaurant.menu()).extracting(MenuItem::id).containsExactly(id(1), id(2));
        assertThat(restaurant.menu()).extracting(MenuItem::name).containsExactly("Masala Dosa", "Filter Coffee");
    }

    @Test
    void a_new_menu_keeps_the_ids_of_listed_items_gives_new_ones_and_drops_the_rest() {
        Restaurant restaurant = dosaPlace();
        MenuItem dosa = restaurant.menu().get(0);
        MenuItem.Draft dearerDosa = new MenuItem.Draft(dosa.id(), "Ghee Masala Dosa", "", rupees(150), false);

        Restaurant changed =
                restaurant.withMenu(List.of(newDish("Vada", rupees(60)), dearerDosa), ids(id(3)), CHANGED_AT);

        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.changedAt()).isEqualTo(CHANGED_AT);
        assertThat(changed.menu())
                .containsExactly(
                        new MenuItem(id(3), "Vada", "Vada, freshly made", rupees(60), true),
                        new MenuItem(dosa.id(), "Ghee Masala Dosa", "", rupees(150), false));
        assertThat(restaurant.menu()).as("the old version is unchanged").hasSize(2);
    }

    @Test
    void every_menu_change_is_a_new_version_even_an_empty_menu() {
        Restaurant emptied = dosaPlace().withMenu(List.of(), ids(), CHANGED_AT);
        Restaurant refilled = emptied.withMenu(List.of(newDish("Upma", rupees(70))), ids(id(9)), CHANGED_AT);

        assertThat(emptied.version()).isEqualTo(2);
        assertThat(emptied.menu()).isEmpty();
        assertThat(refilled.version()).isEqualTo(3);
    }

    @Test
    void an_item_id_that_is_not_on_this_menu_is_rejected() {
        Restaurant restaurant = dosaPlace();
        MenuItem.Draft foreign = new MenuItem.Draft(id(99), "Margherita", "", rupees(399), true);

        assertThatThrownBy(() -> restaurant.withMenu(List.of(foreign), ids(), CHANGED_AT))
                .isInstanceOfSatisfying(MenuChangeRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNKNOWN_MENU_ITEM))
                .hasMessageContaining(id(99).toString());
    }

    @Test
    void a_removed_item_cannot_come_back_under_its_old_id() {
        Restaurant restaurant = dosaPlace();
        MenuItem coffee = restaurant.menu().get(1);
        Restaurant withoutCoffee =
                restaurant.withMenu(List.of(kept(restaurant.menu().get(0))), ids(), CHANGED_AT);

        assertThatThrownBy(() -> withoutCoffee.withMenu(List.of(kept(coffee)), ids(), CHANGED_AT))
                .isInstanceOfSatisfying(MenuChangeRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNKNOWN_MENU_ITEM));
    }

    @Test
    void a_new_restaurant_cannot_name_item_ids() {
        MenuItem.Draft withId = new MenuItem.Draft(id(1), "Masala Dosa", "", rupees(120), true);

        assertThatThrownBy(() -> Restaurant.register(
                        RESTAURANT,
                        "Dosa Corner",
                        "South Indian",
                        BENGALURU,
                        BREAKFAST_TO_DINNER,
                        List.of(withId),
                        ids(),
                        REGISTERED_AT))
                .isInstanceOfSatisfying(MenuChangeRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNKNOWN_MENU_ITEM));
    }

    @Test
    void the_same_item_twice_is_rejected() {
        Restaurant restaurant = dosaPlace();
        MenuItem.Draft dosa = kept(restaurant.menu().get(0));

        assertThatThrownBy(() -> restaurant.withMenu(List.of(dosa, dosa), ids(), CHANGED_AT))
                .isInstanceOfSatisfying(MenuChangeRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.DUPLICATE_MENU_ITEM));
    }

    @Test
    void a_menu_is_priced_in_one_currency() {
        List<MenuItem.Draft> mixed =
                List.of(newDish("Masala Dosa", rupees(120)), newDish("Espresso", new Price(250, "EUR")));

        assertThatThrownBy(() -> dosaPlace().withMenu(mixed, ids(id(3), id(4)), CHANGED_AT))
                .isInstanceOfSatisfying(MenuChangeRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.MIXED_CURRENCIES))
                .hasMessageContaining("EUR, INR");
    }

    @Test
    void a_whole_menu_may_change_its_currency() {
        Restaurant inEuro =
                dosaPlace().withMenu(List.of(newDish("Dosa", new Price(900, "EUR"))), ids(id(3)), CHANGED_AT);

        assertThat(inEuro.menu()).extracting(item -> item.price().currency()).containsExactly("EUR");
    }

    @Test
    void a_menu_has_at_most_200_items() {
        List<MenuItem.Draft> tooMany = Collections.nCopies(201, newDish("Idli", rupees(40)));

        assertThatThrownBy(() -> dosaPlace().withMenu(tooMany, java.util.UUID::randomUUID, CHANGED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dosaPlace()
                        .withMenu(
                                Collections.nCopies(200, newDish("Idli", rupees(40))),
                                java.util.UUID::randomUUID,
                                CHANGED_AT)
                        .menu())
                .hasSize(200);
    }

    @Test
    void names_are_stripped_and_limited_to_their_lengths() {
        assertThat(new MenuItem(id(1), "  Vada  ", null, rupees(60), true))
                .satisfies(item -> assertThat(item.name()).isEqualTo("Vada"))
                .satisfies(item -> assertThat(item.description()).isEmpty());
        assertThatThrownBy(() -> new MenuItem(id(1), "x".repeat(121), "", rupees(60), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MenuItem(id(1), "Vada", "x".repeat(501), rupees(60), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MenuItem(id(1), " ", "", rupees(60), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Restaurant(
                        RESTAURANT,
                        1,
                        "Dosa Corner",
                        "x".repeat(61),
                        BENGALURU,
                        BREAKFAST_TO_DINNER,
                        List.of(),
                        REGISTERED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Restaurant(
                        RESTAURANT,
                        1,
                        "x".repeat(121),
                        "Dosa",
                        BENGALURU,
                        BREAKFAST_TO_DINNER,
                        List.of(),
                        REGISTERED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
