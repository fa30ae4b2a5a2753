package com.fooddelivery.order.catalog.web;

import com.fooddelivery.order.catalog.application.RestaurantCatalog;
import com.fooddelivery.order.catalog.domain.Restaurant;
import com.fooddelivery.order.catalog.web.CatalogRequests.MenuRequest;
import com.fooddelivery.order.catalog.web.CatalogRequests.NewRestaurantRequest;
import com.fooddelivery.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog over HTTP: a restaurant is registered, and a restaurant replaces its menu. Each change makes a new
 * version of the restaurant, stored and published on {@code restaurants.events} in one transaction; the answer is the
 * new version with the ids of its menu items. Reads are query-service's ({@code Location}).
 *
 * <p>Only an ADMIN registers a restaurant; a menu is replaced by the staff of that restaurant or an ADMIN (403
 * otherwise; roles in {@code OrderServiceAccessRules}).
 */
@RestController
@RequestMapping("/restaurants")
class RestaurantController {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final RestaurantCatalog catalog;
    private final URI queryServiceUrl;

    RestaurantController(RestaurantCatalog catalog, @Value("${order.query-service-url}") URI queryServiceUrl) {
        this.catalog = catalog;
        this.queryServiceUrl = queryServiceUrl;
    }

    /** 201 with the restaurant at version 1; {@code Location} is where query-service serves it. */
    @PostMapping
    ResponseEntity<RestaurantView> register(
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            @Valid @RequestBody NewRestaurantRequest request) {
        Restaurant restaurant = catalog.register(request.toNewRestaurant(), validTraceparent(traceparent));
        return ResponseEntity.created(queryServiceUrl.resolve("/restaurants/" + restaurant.id()))
                .body(RestaurantView.of(restaurant));
    }

    /**
     * Replaces the whole menu: an item with the id of an item on the menu keeps it, an item without id is new, and
     * items not listed are removed. 200 with the new version; 404 for an unknown restaurant; 422 for an item id that
     * is not on this menu, an item id listed twice, or a menu with more than one currency.
     */
    @PutMapping("/{restaurantId}/menu")
    RestaurantView replaceMenu(
            Caller caller,
            @PathVariable UUID restaurantId,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            @Valid @RequestBody MenuRequest request) {
        caller.requireActsFor(restaurantId);
        return RestaurantView.of(catalog.replaceMenu(restaurantId, request.drafts(), validTraceparent(traceparent)));
    }

    /** A malformed trace context starts a new trace, as W3C Trace Context asks, instead of failing the request. */
    private static String validTraceparent(String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : null;
    }
}
