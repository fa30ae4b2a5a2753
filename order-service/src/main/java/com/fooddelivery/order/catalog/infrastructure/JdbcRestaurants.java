package com.fooddelivery.order.catalog.infrastructure;

import com.fooddelivery.order.catalog.domain.Location;
import com.fooddelivery.order.catalog.domain.MenuItem;
import com.fooddelivery.order.catalog.domain.OpeningHours;
import com.fooddelivery.order.catalog.domain.Price;
import com.fooddelivery.order.catalog.domain.Restaurant;
import com.fooddelivery.order.catalog.domain.Restaurants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Restaurants in the tables {@code restaurant} and {@code menu_item} (V2, V6). A new version replaces the menu rows
 * wholesale: nothing refers to a menu item row (orders copy what they priced), and item ids are kept by the domain.
 * {@code published_version} is left to the publisher.
 */
@Repository
class JdbcRestaurants implements Restaurants {

    private static final String SELECT_RESTAURANT = """
            select id, version, name, cuisine, lat, lon, opens_at, closes_at, time_zone, changed_at
            from restaurant where id = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcRestaurants(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public Optional<Restaurant> find(UUID restaurantId) {
        return load(SELECT_RESTAURANT, restaurantId);
    }

    @Override
    public Optional<Restaurant> findForUpdate(UUID restaurantId) {
        return load(SELECT_RESTAURANT + " for update", restaurantId);
    }

    @Override
    public void add(Restaurant restaurant) {
        jdbc.sql("""
                        insert into restaurant (id, name, cuisine, lat, lon, opens_at, closes_at, time_zone,
                                                version, published_version, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        restaurant.id(),
                        restaurant.name(),
                        restaurant.cuisine(),
                        restaurant.location().lat(),
                        restaurant.location().lon(),
                        restaurant.openingHours().opensAt(),
                        restaurant.openingHours().closesAt(),
                        restaurant.openingHours().timeZone().getId(),
                        restaurant.version(),
                        Timestamp.from(restaurant.changedAt()))
                .update();
        insertMenu(restaurant);
    }

    @Override
    public void update(Restaurant restaurant) {
        int updated = jdbc.sql("""
                        update restaurant
                        set name = ?, cuisine = ?, lat = ?, lon = ?, opens_at = ?, closes_at = ?, time_zone = ?,
                            version = ?, changed_at = ?
                        where id = ? and version = ?""")
                .params(
                        restaurant.name(),
                        restaurant.cuisine(),
                        restaurant.location().lat(),
                        restaurant.location().lon(),
                        restaurant.openingHours().opensAt(),
                        restaurant.openingHours().closesAt(),
                        restaurant.openingHours().timeZone().getId(),
                        restaurant.version(),
                        Timestamp.from(restaurant.changedAt()),
                        restaurant.id(),
                        restaurant.version() - 1)
                .update();
        if (updated != 1) {
            // Changes lock the row first (findForUpdate), so this means a change that bypassed the lock.
            throw new IllegalStateException(
                    "Restaurant %s is not at version %d".formatted(restaurant.id(), restaurant.version() - 1));
        }
        jdbc.sql("delete from menu_item where restaurant_id = ?")
                .param(restaurant.id())
                .update();
        insertMenu(restaurant);
    }

    private void insertMenu(Restaurant restaurant) {
        List<MenuItem> menu = restaurant.menu();
        List<Object[]> rows = new ArrayList<>(menu.size());
        for (int position = 0; position < menu.size(); position++) {
            MenuItem item = menu.get(position);
            rows.add(new Object[] {
                item.id(),
                restaurant.id(),
                item.name(),
                item.description(),
                item.price().amountMinor(),
                item.price().currency(),
                item.available(),
                position
            });
        }
        batches.batchUpdate("""
                insert into menu_item (id, restaurant_id, name, description, price_minor, currency, available, position)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private Optional<Restaurant> load(String sql, UUID restaurantId) {
        // The restaurant row first: with "for update" it is locked before its menu is read.
        return jdbc.sql(sql)
                .param(restaurantId)
                .query(JdbcRestaurants::restaurantRow)
                .optional()
                .map(row -> row.withMenu(menuOf(restaurantId)));
    }

    private List<MenuItem> menuOf(UUID restaurantId) {
        return jdbc.sql("""
                        select id, name, description, price_minor, currency, available
                        from menu_item where restaurant_id = ? order by position, id""")
                .param(restaurantId)
                .query((rs, row) -> new MenuItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        new Price(rs.getLong("price_minor"), rs.getString("currency")),
                        rs.getBoolean("available")))
                .list();
    }

    private record RestaurantRow(
            UUID id,
            long version,
            String name,
            String cuisine,
            Location location,
            OpeningHours openingHours,
            OffsetDateTime changedAt) {

        Restaurant withMenu(List<MenuItem> menu) {
            return new Restaurant(id, version, name, cuisine, location, openingHours, menu, changedAt.toInstant());
        }
    }

    private static RestaurantRow restaurantRow(ResultSet rs, int row) throws SQLException {
        return new RestaurantRow(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getString("name"),
                rs.getString("cuisine"),
                new Location(rs.getDouble("lat"), rs.getDouble("lon")),
                new OpeningHours(
                        rs.getObject("opens_at", LocalTime.class),
                        rs.getObject("closes_at", LocalTime.class),
                        ZoneId.of(rs.getString("time_zone"))),
                rs.getObject("changed_at", OffsetDateTime.class));
    }
}
