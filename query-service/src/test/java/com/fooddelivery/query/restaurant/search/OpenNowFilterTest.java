package com.fooddelivery.query.restaurant.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fooddelivery.query.restaurant.projection.OpeningWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenNowFilterTest {

    /** Monday 00:30 in Kolkata, still Sunday evening in Europe and the Americas. */
    private static final Instant SUNDAY_19_00_UTC = Instant.parse("2026-11-22T19:00:00Z");

    private static final List<ZoneId> EVERY_ZONE =
            OpeningWeek.TIME_ZONES.stream().map(ZoneId::of).toList();

    @Test
    void every_zone_asked_about_is_in_exactly_one_group() {
        Map<Integer, List<FieldValue>> groups = OpenNowFilter.zonesByLocalMinute(SUNDAY_19_00_UTC, EVERY_ZONE);

        List<String> zones = groups.values().stream()
                .flatMap(List::stream)
                .map(FieldValue::stringValue)
                .toList();
        assertThat(zones).doesNotHaveDuplicates().hasSameSizeAs(OpeningWeek.TIME_ZONES);
        assertThat(groups.size())
                .as("one clause per distinct UTC offset in use")
                .isBetween(20, 60);
    }

    @Test
    void zones_sharing_an_offset_share_one_clause_and_no_zone_matches_nothing() {
        Map<Integer, List<FieldValue>> groups = OpenNowFilter.zonesByLocalMinute(
                SUNDAY_19_00_UTC, List.of(ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Colombo")));

        assertThat(groups).containsOnlyKeys(30);
        assertThat(OpenNowFilter.at(SUNDAY_19_00_UTC, List.of()).isMatchNone())
                .as("not an empty bool, which would match every restaurant")
                .isTrue();
    }

    @Test
    void each_zone_is_asked_about_at_its_own_local_minute_of_the_week() {
        Map<Integer, List<String>> groups = zoneIdsByMinute();

        assertThat(groups.get(30)).as("Monday 00:30").contains("Asia/Kolkata");
        assertThat(groups.get(6 * 1440 + 19 * 60)).as("Sunday 19:00").contains("Europe/London", "UTC");
        assertThat(groups.get(6 * 1440 + 14 * 60)).as("Sunday 14:00").contains("America/New_York");
    }

    @Test
    void a_restaurant_open_past_sunday_midnight_is_found_open_on_monday_morning() {
        int kolkataMinute = zoneIdsByMinute().entrySet().stream()
                .filter(group -> group.getValue().contains("Asia/Kolkata"))
                .findFirst()
                .orElseThrow()
                .getKey();

        var lateNight = OpeningWeek.of(LocalTime.parse("20:00"), LocalTime.parse("02:00"));
        var lunch = OpeningWeek.of(LocalTime.parse("11:00"), LocalTime.parse("15:00"));
        assertThat(OpeningWeek.isOpen(lateNight, kolkataMinute)).isTrue();
        assertThat(OpeningWeek.isOpen(lunch, kolkataMinute)).isFalse();
    }

    private static Map<Integer, List<String>> zoneIdsByMinute() {
        Map<Integer, List<String>> ids = new java.util.TreeMap<>();
        OpenNowFilter.zonesByLocalMinute(SUNDAY_19_00_UTC, EVERY_ZONE)
                .forEach((minute, zones) -> ids.put(
                        minute, zones.stream().map(FieldValue::stringValue).toList()));
        return ids;
    }
}
