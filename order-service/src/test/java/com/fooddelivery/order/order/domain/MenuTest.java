package com.fooddelivery.order.order.domain;

import static com.fooddelivery.order.order.domain.MenuFixtures.COFFEE;
import static com.fooddelivery.order.order.domain.MenuFixtures.DOSA;
import static com.fooddelivery.order.order.domain.MenuFixtures.KOLKATA;
import static com.fooddelivery.order.order.domain.MenuFixtures.SOLD_OUT_SWEET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MenuTest {

    private static final Instant NOON =
            LocalDateTime.parse("2026-11-22T12:00").atZone(KOLKATA).toInstant();

    @Test
    void prices_each_line_from_the_menu_and_sums_the_total() {
        PricedOrder priced = MenuFixtures.openAllDay()
                .price(List.of(new RequestedItem(DOSA, 2), new RequestedItem(COFFEE, 3)), NOON);

        assertThat(priced.lines())
                .extracting(OrderLine::name, OrderLine::quantity, OrderLine::lineTotal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Masala Dosa", 2, new Money(24000, "INR")),
                        org.assertj.core.groups.Tuple.tuple("Filter Coffee", 3, new Money(13500, "INR")));
        assertThat(priced.total()).isEqualTo(new Money(37500, "INR"));
    }

    @Test
    void merges_repeated_items_into_one_line() {
        PricedOrder priced =
                MenuFixtures.openAllDay().price(List.of(new RequestedItem(DOSA, 1), new RequestedItem(DOSA, 2)), NOON);

        assertThat(priced.lines()).singleElement().satisfies(line -> assertThat(line.quantity())
                .isEqualTo(3));
        assertThat(priced.total()).isEqualTo(new Money(36000, "INR"));
    }

    @Test
    void refuses_an_item_that_is_not_on_the_menu() {
        assertThatThrownBy(
                        () -> MenuFixtures.openAllDay().price(List.of(new RequestedItem(UUID.randomUUID(), 1)), NOON))
                .isInstanceOfSatisfying(OrderNotAcceptedException.class, e -> assertThat(e.reason())
                        .isEqualTo(OrderNotAcceptedException.Reason.UNKNOWN_ITEM));
    }

    @Test
    void refuses_a_sold_out_item() {
        assertThatThrownBy(() -> MenuFixtures.openAllDay().price(List.of(new RequestedItem(SOLD_OUT_SWEET, 1)), NOON))
                .isInstanceOfSatisfying(OrderNotAcceptedException.class, e -> assertThat(e.reason())
                        .isEqualTo(OrderNotAcceptedException.Reason.ITEM_UNAVAILABLE));
    }

    @Test
    void refuses_orders_outside_opening_hours_in_the_restaurants_time_zone() {
        Menu dinnerOnly = MenuFixtures.withHours(LocalTime.of(18, 0), LocalTime.of(23, 0));

        assertThatThrownBy(() -> dinnerOnly.price(List.of(new RequestedItem(DOSA, 1)), NOON))
                .isInstanceOfSatisfying(OrderNotAcceptedException.class, e -> assertThat(e.reason())
                        .isEqualTo(OrderNotAcceptedException.Reason.RESTAURANT_CLOSED));
    }

    @Test
    void a_restaurant_open_past_midnight_takes_orders_after_midnight() {
        Menu lateNight = MenuFixtures.withHours(LocalTime.of(18, 0), LocalTime.of(3, 0));
        Instant oneAm = LocalDateTime.parse("2026-11-23T01:00").atZone(KOLKATA).toInstant();

        assertThat(lateNight.price(List.of(new RequestedItem(DOSA, 1)), oneAm).total())
                .isEqualTo(MenuFixtures.DOSA_PRICE);
        assertThatThrownBy(() -> lateNight.price(List.of(new RequestedItem(DOSA, 1)), NOON))
                .isInstanceOf(OrderNotAcceptedException.class);
    }
}
