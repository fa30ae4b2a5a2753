package com.fooddelivery.order.catalog.application;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.order.catalog.domain.Location;
import com.fooddelivery.order.catalog.domain.MenuItem;
import com.fooddelivery.order.catalog.domain.OpeningHours;
import com.fooddelivery.order.catalog.domain.Restaurant;
import com.fooddelivery.order.catalog.domain.RestaurantNotFoundException;
import com.fooddelivery.order.catalog.domain.Restaurants;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalog. Each runs in one transaction that stores the change and writes its
 * {@code RestaurantChanged} to the outbox: a change is never visible without its message, nor the reverse.
 */
@Service
public class RestaurantCatalog {

    public record NewRestaurant(
            String name, String cuisine, Location location, OpeningHours openingHours, List<MenuItem.Draft> menu) {}

    private final Restaurants restaurants;
    private final CatalogPublication publication;
    private final Clock clock;

    RestaurantCatalog(Restaurants restaurants, CatalogPublication publication, Clock clock) {
        this.restaurants = restaurants;
        this.publication = publication;
        this.clock = clock;
    }

    /** @param traceparent the W3C trace context of the request, or {@code null} to start a new trace */
    @Transactional
    public Restaurant register(NewRestaurant restaurant, String traceparent) {
        Restaurant registered = Restaurant.register(
                UUID.randomUUID(),
                restaurant.name(),
                restaurant.cuisine(),
                restaurant.location(),
                restaurant.openingHours(),
                restaurant.menu(),
                UUID::randomUUID,
                now());
        restaurants.add(registered);
        publication.publishPending(registered.id(), context(traceparent));
        return registered;
    }

    /**
     * Replaces the whole menu (items keep their ids when listed with them) and makes a new version.
     *
     * @throws RestaurantNotFoundException if there is no such restaurant
     */
    @Transactional
    public Restaurant replaceMenu(UUID restaurantId, List<MenuItem.Draft> menu, String traceparent) {
        Restaurant current = restaurants
                .findForUpdate(restaurantId)
                .orElseThrow(() -> new RestaurantNotFoundException(restaurantId));
        Restaurant changed = current.withMenu(menu, UUID::randomUUID, now());
        restaurants.update(changed);
        publication.publishPending(restaurantId, context(traceparent));
        return changed;
    }

    /** Microseconds, as PostgreSQL keeps them: the answer and the published message state the same time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A catalog change starts a conversation of its own: the request is its root and its cause. */
    private static MessageContext context(String traceparent) {
        UUID request = UUID.randomUUID();
        return new MessageContext(
                request, request, traceparent != null ? traceparent : MessageContext.newTraceparent());
    }
}
