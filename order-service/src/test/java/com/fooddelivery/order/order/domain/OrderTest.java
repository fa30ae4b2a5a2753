package com.fooddelivery.order.order.domain;

import static com.fooddelivery.order.order.domain.MenuFixtures.COFFEE;
import static com.fooddelivery.order.order.domain.MenuFixtures.DOSA;
import static com.fooddelivery.order.order.domain.MenuFixtures.RESTAURANT;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:30:00Z");
    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    private static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    private static final DeliveryAddress HOME = new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59);

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(MenuFixtures.catalogWith(MenuFixtures.openAllDay()));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void placing_an_order_prices_it_from_the_menu() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(RESTAURANT, List.of(new RequestedItem(DOSA, 2), new RequestedItem(COFFEE, 1))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderPlacedEvent(
                        ORDER,
                        CUSTOMER,
                        RESTAURANT,
                        "Saravana Bhavan",
                        MenuFixtures.LOCATION,
                        List.of(
                                new OrderLine(DOSA, "Masala Dosa", 2, new Money(12000, "INR"), new Money(24000, "INR")),
                                new OrderLine(
                                        COFFEE, "Filter Coffee", 1, new Money(4500, "INR"), new Money(4500, "INR"))),
                        new Money(28500, "INR"),
                        PaymentMethod.UPI,
                        HOME,
                        NOW));
    }

    @Test
    void an_order_from_an_unknown_restaurant_is_not_placed() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(UUID.randomUUID(), List.of(new RequestedItem(DOSA, 1))))
                .expectException(OrderNotAcceptedException.class)
                .expectNoEvents();
    }

    @Test
    void an_order_with_an_item_of_another_menu_is_not_placed() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(RESTAURANT, List.of(new RequestedItem(UUID.randomUUID(), 1))))
                .expectException(OrderNotAcceptedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not on the menu"))
                .expectNoEvents();
    }

    private static PlaceOrder placeOrder(UUID restaurant, List<RequestedItem> items) {
        return new PlaceOrder(ORDER, CUSTOMER, restaurant, items, PaymentMethod.UPI, HOME);
    }
}
