package com.fooddelivery.order.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.order.catalog.web.CatalogRequests.LocationJson;
import com.fooddelivery.order.catalog.web.CatalogRequests.MenuItemRequest;
import com.fooddelivery.order.catalog.web.CatalogRequests.MenuRequest;
import com.fooddelivery.order.catalog.web.CatalogRequests.NewMenuItemRequest;
import com.fooddelivery.order.catalog.web.CatalogRequests.NewRestaurantRequest;
import com.fooddelivery.order.catalog.web.CatalogRequests.OpeningHoursJson;
import com.fooddelivery.order.catalog.web.CatalogRequests.PriceJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each field rule of the catalog requests, as the 400 problem names it. */
class CatalogRequestsValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private static final PriceJson DOSA_PRICE = new PriceJson(new BigDecimal("12000"), "INR");
    private static final NewMenuItemRequest DOSA = new NewMenuItemRequest("Masala Dosa", "Crisp", DOSA_PRICE, true);
    private static final NewRestaurantRequest DOSA_CORNER = new NewRestaurantRequest(
            "Dosa Corner",
            "South Indian",
            new LocationJson(12.97, 77.64),
            new OpeningHoursJson("07:00", "22:30", "Asia/Kolkata"),
            List.of(DOSA));

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    @Test
    void a_complete_restaurant_is_valid() {
        assertThat(VALIDATOR.validate(DOSA_CORNER)).isEmpty();
    }

    @Test
    void a_restaurant_may_start_with_an_empty_menu_and_items_without_description() {
        NewMenuItemRequest plain = new NewMenuItemRequest("Idli", null, DOSA_PRICE, true);

        assertThat(VALIDATOR.validate(withMenu(List.of()))).isEmpty();
        assertThat(VALIDATOR.validate(withMenu(List.of(plain)))).isEmpty();
    }

    static Stream<Arguments> invalidRestaurants() {
        return Stream.of(
                invalid(
                        "name blank",
                        r -> new NewRestaurantRequest(" ", r.cuisine(), r.location(), r.openingHours(), r.menu()),
                        "name"),
                invalid(
                        "name of 121",
                        r -> new NewRestaurantRequest(
                                "n".repeat(121), r.cuisine(), r.location(), r.openingHours(), r.menu()),
                        "name"),
                invalid(
                        "cuisine of 61",
                        r -> new NewRestaurantRequest(
                                r.name(), "c".repeat(61), r.location(), r.openingHours(), r.menu()),
                        "cuisine"),
                invalid(
                        "no location",
                        r -> new NewRestaurantRequest(r.name(), r.cuisine(), null, r.openingHours(), r.menu()),
                        "location"),
                invalid("latitude 90.5", r -> withLocation(new LocationJson(90.5, 77.6)), "location.lat"),
                invalid("latitude -91", r -> withLocation(new LocationJson(-91.0, 77.6)), "location.lat"),
                invalid("longitude 180.1", r -> withLocation(new LocationJson(12.9, 180.1)), "location.lon"),
                invalid("longitude missing", r -> withLocation(new LocationJson(12.9, null)), "location.lon"),
                invalid(
                        "opens at 24:00",
                        r -> withHours(new OpeningHoursJson("24:00", "22:00", "Asia/Kolkata")),
                        "openingHours.opensAt"),
                invalid(
                        "closes at 9:30",
                        r -> withHours(new OpeningHoursJson("07:00", "9:30", "Asia/Kolkata")),
                        "openingHours.closesAt"),
                invalid(
                        "seconds",
                        r -> withHours(new OpeningHoursJson("07:00:00", "22:00", "Asia/Kolkata")),
                        "openingHours.opensAt"),
                invalid(
                        "offset as zone",
                        r -> withHours(new OpeningHoursJson("07:00", "22:00", "+05:30")),
                        "openingHours.timeZone"),
                invalid(
                        "unknown zone",
                        r -> withHours(new OpeningHoursJson("07:00", "22:00", "Asia/Bangalore")),
                        "openingHours.timeZone"),
                invalid("no menu", r -> withMenu(null), "menu"),
                invalid("201 items", r -> withMenu(Collections.nCopies(201, DOSA)), "menu"),
                invalid("null item", r -> withMenu(nullItem()), "menu[1].<list element>"),
                invalid(
                        "item name of 121",
                        r -> withMenu(List.of(DOSA, new NewMenuItemRequest("n".repeat(121), "", DOSA_PRICE, true))),
                        "menu[1].name"),
                invalid(
                        "description of 501",
                        r -> withMenu(List.of(new NewMenuItemRequest("Dosa", "d".repeat(501), DOSA_PRICE, true))),
                        "menu[0].description"),
                invalid(
                        "availability missing",
                        r -> withMenu(List.of(new NewMenuItemRequest("Dosa", "", DOSA_PRICE, null))),
                        "menu[0].available"),
                invalid(
                        "negative price",
                        r -> withPrice(new PriceJson(new BigDecimal("-1"), "INR")),
                        "menu[0].price.amountMinor"),
                invalid(
                        "fractional price",
                        r -> withPrice(new PriceJson(new BigDecimal("12000.5"), "INR")),
                        "menu[0].price.amountMinor"),
                invalid(
                        "price above the maximum",
                        r -> withPrice(new PriceJson(new BigDecimal("100000000001"), "INR")),
                        "menu[0].price.amountMinor"),
                invalid(
                        "lower-case currency",
                        r -> withPrice(new PriceJson(DOSA_PRICE.amountMinor(), "inr")),
                        "menu[0].price.currency"),
                invalid(
                        "made-up currency",
                        r -> withPrice(new PriceJson(DOSA_PRICE.amountMinor(), "XYZ")),
                        "menu[0].price.currency"),
                invalid(
                        "currency missing",
                        r -> withPrice(new PriceJson(DOSA_PRICE.amountMinor(), null)),
                        "menu[0].price.currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRestaurants")
    void an_invalid_field_of_a_new_restaurant_is_named_by_its_path(
            String name, NewRestaurantRequest request, String path) {
        assertThat(VALIDATOR.validate(request))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly(path);
    }

    @Test
    void a_menu_replacement_names_the_invalid_item_by_its_index() {
        MenuRequest menu = new MenuRequest(List.of(
                new MenuItemRequest(UUID.randomUUID(), "Masala Dosa", "", DOSA_PRICE, true),
                new MenuItemRequest(null, "Vada", "", new PriceJson(BigDecimal.TEN, "RUPEES"), true)));

        assertThat(VALIDATOR.validate(menu))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("items[1].price.currency");
    }

    @Test
    void a_menu_replacement_has_items_and_at_most_200() {
        MenuItemRequest vada = new MenuItemRequest(null, "Vada", "", DOSA_PRICE, true);

        assertThat(paths(VALIDATOR.validate(new MenuRequest(null)))).containsExactly("items");
        assertThat(paths(VALIDATOR.validate(new MenuRequest(Collections.nCopies(201, vada)))))
                .containsExactly("items");
        assertThat(VALIDATOR.validate(new MenuRequest(Collections.nCopies(200, vada))))
                .isEmpty();
        assertThat(VALIDATOR.validate(new MenuRequest(List.of()))).isEmpty();
    }

    private static List<String> paths(java.util.Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
    }

    private static Arguments invalid(String name, UnaryOperator<NewRestaurantRequest> change, String path) {
        return Arguments.of(name, change.apply(DOSA_CORNER), path);
    }

    private static NewRestaurantRequest withLocation(LocationJson location) {
        NewRestaurantRequest r = DOSA_CORNER;
        return new NewRestaurantRequest(r.name(), r.cuisine(), location, r.openingHours(), r.menu());
    }

    private static NewRestaurantRequest withHours(OpeningHoursJson hours) {
        NewRestaurantRequest r = DOSA_CORNER;
        return new NewRestaurantRequest(r.name(), r.cuisine(), r.location(), hours, r.menu());
    }

    private static NewRestaurantRequest withMenu(List<NewMenuItemRequest> menu) {
        NewRestaurantRequest r = DOSA_CORNER;
        return new NewRestaurantRequest(r.name(), r.cuisine(), r.location(), r.openingHours(), menu);
    }

    private static NewRestaurantRequest withPrice(PriceJson price) {
        return withMenu(List.of(new NewMenuItemRequest("Dosa", "", price, true)));
    }

    private static List<NewMenuItemRequest> nullItem() {
        List<NewMenuItemRequest> items = new ArrayList<>();
        items.add(DOSA);
        items.add(null);
        return items;
    }
}
