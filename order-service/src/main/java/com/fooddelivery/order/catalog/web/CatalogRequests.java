package com.fooddelivery.order.catalog.web;

import com.fooddelivery.order.catalog.application.RestaurantCatalog.NewRestaurant;
import com.fooddelivery.order.catalog.domain.Location;
import com.fooddelivery.order.catalog.domain.MenuItem;
import com.fooddelivery.order.catalog.domain.OpeningHours;
import com.fooddelivery.order.catalog.domain.Price;
import com.fooddelivery.order.catalog.domain.Restaurant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the catalog endpoints. Every field rule is checked here, so a bad field is a 400 naming its path
 * (e.g. {@code menu[3].price.currency}); the limits are the domain's. Rules across items or against the stored menu
 * are the domain's (422).
 */
final class CatalogRequests {

    private CatalogRequests() {}

    /** {@code POST /restaurants}: a new restaurant; its menu items get their ids from the service. */
    record NewRestaurantRequest(
            @NotBlank @Size(max = Restaurant.MAX_NAME_LENGTH)
            String name,

            @NotBlank @Size(max = Restaurant.MAX_CUISINE_LENGTH)
            String cuisine,

            @NotNull @Valid LocationJson location,
            @NotNull @Valid OpeningHoursJson openingHours,
            @NotNull @Size(max = Restaurant.MAX_MENU_ITEMS) List<@NotNull @Valid NewMenuItemRequest> menu) {

        NewRestaurant toNewRestaurant() {
            return new NewRestaurant(
                    name,
                    cuisine,
                    location.toLocation(),
                    openingHours.toOpeningHours(),
                    menu.stream().map(NewMenuItemRequest::toDraft).toList());
        }
    }

    record NewMenuItemRequest(
            @NotBlank @Size(max = MenuItem.MAX_NAME_LENGTH) String name,
            @Size(max = MenuItem.MAX_DESCRIPTION_LENGTH) String description,
            @NotNull @Valid PriceJson price,
            @NotNull Boolean available) {

        MenuItem.Draft toDraft() {
            return MenuItem.Draft.newItem(name, description, price.toPrice(), available);
        }
    }

    /** {@code PUT /restaurants/{restaurantId}/menu}: the whole new menu. */
    record MenuRequest(
            @NotNull @Size(max = Restaurant.MAX_MENU_ITEMS) List<@NotNull @Valid MenuItemRequest> items) {

        List<MenuItem.Draft> drafts() {
            return items.stream().map(MenuItemRequest::toDraft).toList();
        }
    }

    /** {@code itemId} keeps an item of the current menu; without it the item is new. */
    record MenuItemRequest(
            UUID itemId,
            @NotBlank @Size(max = MenuItem.MAX_NAME_LENGTH) String name,
            @Size(max = MenuItem.MAX_DESCRIPTION_LENGTH) String description,
            @NotNull @Valid PriceJson price,
            @NotNull Boolean available) {

        MenuItem.Draft toDraft() {
            return new MenuItem.Draft(itemId, name, description, price.toPrice(), available);
        }
    }

    /**
     * {@code amountMinor} is read as a decimal so that a fraction such as {@code 1.5} is refused instead of being cut
     * to {@code 1} by the JSON reader.
     */
    record PriceJson(
            @NotNull
            @PositiveOrZero
            @Max(Price.MAX_AMOUNT_MINOR)
            @Digits(integer = 12, fraction = 0, message = "must be a whole number of minor units")
            BigDecimal amountMinor,

            @NotNull @CurrencyCode String currency) {

        Price toPrice() {
            return new Price(amountMinor.longValueExact(), currency);
        }
    }

    record LocationJson(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

        Location toLocation() {
            return new Location(lat, lon);
        }
    }

    record OpeningHoursJson(
            @NotNull @Pattern(regexp = OpeningHours.HH_MM, message = "must be a time of day as HH:mm")
            String opensAt,

            @NotNull @Pattern(regexp = OpeningHours.HH_MM, message = "must be a time of day as HH:mm")
            String closesAt,

            @NotNull @TimeZoneId String timeZone) {

        OpeningHours toOpeningHours() {
            return OpeningHours.of(opensAt, closesAt, timeZone);
        }
    }
}
