package com.fooddelivery.query.restaurant.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fooddelivery.query.restaurant.projection.OpeningWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Open now" as an Elasticsearch filter.
 *
 * <p>A restaurant is open when its own wall clock is within its hours, so the minute to look up in its {@code
 * openMinutes} depends on its time zone. At a given instant the local minute of the week depends only on the zone's
 * current UTC offset, and zones share a few dozen offsets. So the zones asked about (those of the indexed
 * restaurants, {@link ZonesInUse}) are grouped by their current local minute of the week, and the filter is one
 * clause per group: {@code openingHours.timeZone} is one of the group's zones and {@code openMinutes} contains the
 * group's minute. A restaurant in a zone not asked about is not found.
 */
final class OpenNowFilter {

    private OpenNowFilter() {}

    static Query at(Instant now, Collection<ZoneId> zones) {
        Map<Integer, List<FieldValue>> zonesByMinute = zonesByLocalMinute(now, zones);
        if (zonesByMinute.isEmpty()) {
            return Query.of(q -> q.matchNone(none -> none)); // an empty bool would match every restaurant
        }
        return Query.of(q -> q.bool(open -> {
            zonesByMinute.forEach((minute, group) -> open.should(clause -> clause.bool(both -> both.filter(zone ->
                            zone.terms(t -> t.field("openingHours.timeZone").terms(v -> v.value(group))))
                    .filter(hours -> hours.term(t -> t.field("openMinutes").value(minute))))));
            return open.minimumShouldMatch("1");
        }));
    }

    /** The zones by the minute of the week their wall clocks show at {@code now}. */
    static Map<Integer, List<FieldValue>> zonesByLocalMinute(Instant now, Collection<ZoneId> zones) {
        Map<Integer, List<FieldValue>> groups = new TreeMap<>();
        for (ZoneId zone : zones) {
            groups.computeIfAbsent(OpeningWeek.minuteOfWeek(now, zone), minute -> new ArrayList<>())
                    .add(FieldValue.of(zone.getId()));
        }
        return groups;
    }
}
