package com.fooddelivery.query.restaurant.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fooddelivery.query.restaurant.projection.OpeningWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Open now" as an Elasticsearch filter.
 *
 * <p>A restaurant is open when its own wall clock is within its hours, so the minute to look up in its {@code
 * openMinutes} depends on its time zone. At a given instant the local minute of the week depends only on the zone's
 * current UTC offset, and the world's zones share a few dozen offsets. So instead of discovering which zones the index
 * holds (a terms aggregation, plus a cache that would keep a restaurant in a newly seen zone out of the results until
 * it expires), every zone this JVM knows is grouped by its current local minute of the week, and the filter is one
 * clause per group: {@code openingHours.timeZone} is one of the group's zones and {@code openMinutes} contains the
 * group's minute. Nothing is cached and no zone is missed: the projection admits only these zones ({@link
 * OpeningWeek#TIME_ZONES}). Grouping takes well under a millisecond; the query carries the ~600 zone ids as terms.
 */
final class OpenNowFilter {

    private static final List<ZoneId> ZONES =
            OpeningWeek.TIME_ZONES.stream().sorted().map(ZoneId::of).toList();

    private OpenNowFilter() {}

    static Query at(Instant now) {
        Map<Integer, List<FieldValue>> zonesByMinute = zonesByLocalMinute(now);
        return Query.of(q -> q.bool(open -> {
            zonesByMinute.forEach((minute, zones) -> open.should(clause -> clause.bool(group -> group.filter(zone ->
                            zone.terms(t -> t.field("openingHours.timeZone").terms(v -> v.value(zones))))
                    .filter(hours -> hours.term(t -> t.field("openMinutes").value(minute))))));
            return open.minimumShouldMatch("1");
        }));
    }

    /** Every known zone by the minute of the week its wall clocks show at {@code now}. */
    static Map<Integer, List<FieldValue>> zonesByLocalMinute(Instant now) {
        Map<Integer, List<FieldValue>> groups = new TreeMap<>();
        for (ZoneId zone : ZONES) {
            groups.computeIfAbsent(OpeningWeek.minuteOfWeek(now, zone), minute -> new ArrayList<>())
                    .add(FieldValue.of(zone.getId()));
        }
        return groups;
    }
}
