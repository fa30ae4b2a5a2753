package com.fooddelivery.order.catalog.infrastructure;

import com.fooddelivery.order.order.domain.GeoLocation;
import com.fooddelivery.order.order.domain.Menu;
import com.fooddelivery.order.order.domain.Menus;
import com.fooddelivery.order.order.domain.Money;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Menus read from the catalog tables, in the transaction of the command that prices an order. */
@Repository
class JdbcMenus implements Menus {

    private final JdbcClient jdbc;

    JdbcMenus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Menu> find(UUID restaurantId) {
        Map<UUID, Menu.Item> items = new LinkedHashMap<>();
        jdbc.sql("select id, name, price_minor, currency, available from menu_item where restaurant_id = ?")
                .param(restaurantId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    items.put(
                            id,
                            new Menu.Item(
                                    id,
                                    rs.getString("name"),
                                    new Money(rs.getLong("price_minor"), rs.getString("currency")),
                                    rs.getBoolean("available")));
                });
        return jdbc.sql("select id, name, lat, lon, opens_at, closes_at, time_zone from restaurant where id = ?")
                .param(restaurantId)
                .query((rs, row) -> new Menu(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        new GeoLocation(rs.getDouble("lat"), rs.getDouble("lon")),
                        rs.getTime("opens_at").toLocalTime(),
                        rs.getTime("closes_at").toLocalTime(),
                        ZoneId.of(rs.getString("time_zone")),
                        Map.copyOf(items)))
                .optional();
    }
}
