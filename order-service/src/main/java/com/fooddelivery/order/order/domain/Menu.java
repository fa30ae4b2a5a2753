package com.fooddelivery.order.order.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a restaurant sells right now, and when it takes orders. Prices the customer's request. */
public record Menu(
        UUID restaurantId,
        String restaurantName,
        GeoLocation location,
        LocalTime opensAt,
        LocalTime closesAt,
        ZoneId timeZone,
        Map<UUID, Item> items) {

    public record Item(UUID id, String name, Money price, boolean available) {}

    /**
     * Prices the request from this menu. Repeated items are merged into one line.
     *
     * @throws OrderNotAcceptedException if the restaurant is closed, or an item is not on the menu or sold out
     */
    public PricedOrder price(List<RequestedItem> requested, Instant at) {
        if (!isOpenAt(at)) {
            throw new OrderNotAcceptedException(
                    OrderNotAcceptedException.Reason.RESTAURANT_CLOSED,
                    "%s takes orders from %s to %s".formatted(restaurantName, opensAt, closesAt),
                    restaurantName,
                    opensAt,
                    closesAt);
        }
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        requested.forEach(item -> quantities.merge(item.itemId(), item.quantity(), Math::addExact));

        List<OrderLine> lines = new ArrayList<>();
        Money total = null;
        for (Map.Entry<UUID, Integer> entry : quantities.entrySet()) {
            Item item = items.get(entry.getKey());
            if (item == null) {
                throw new OrderNotAcceptedException(
                        OrderNotAcceptedException.Reason.UNKNOWN_ITEM,
                        "Item %s is not on the menu of %s".formatted(entry.getKey(), restaurantName),
                        entry.getKey(),
                        restaurantName);
            }
            if (!item.available()) {
                throw new OrderNotAcceptedException(
                        OrderNotAcceptedException.Reason.ITEM_UNAVAILABLE, item.name() + " is sold out", item.name());
            }
            Money lineTotal = item.price().times(entry.getValue());
            lines.add(new OrderLine(item.id(), item.name(), entry.getValue(), item.price(), lineTotal));
            total = total == null ? lineTotal : total.plus(lineTotal);
        }
        return new PricedOrder(restaurantName, List.copyOf(lines), total);
    }

    boolean isOpenAt(Instant at) {
        if (opensAt.equals(closesAt)) {
            return true;
        }
        LocalTime local = at.atZone(timeZone).toLocalTime();
        return opensAt.isBefore(closesAt)
                ? !local.isBefore(opensAt) && local.isBefore(closesAt)
                : !local.isBefore(opensAt) || local.isBefore(closesAt);
    }
}
