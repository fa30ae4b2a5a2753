package com.fooddelivery.query.restaurant.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.query.restaurant.projection.OpeningWeek.MinuteRange;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningWeekTest {

    private static final int DAY = OpeningWeek.MINUTES_PER_DAY;
    private static final int WEEK = OpeningWeek.MINUTES_PER_WEEK;
    private static final int MONDAY = 0;
    private static final int WEDNESDAY = 2 * DAY;
    private static final int SUNDAY = 6 * DAY;

    private static List<MinuteRange> open(String opensAt, String closesAt) {
        return OpeningWeek.of(LocalTime.parse(opensAt), LocalTime.parse(closesAt));
    }

    private static int at(int day, String localTime) {
        LocalTime time = LocalTime.parse(localTime);
        return day + time.getHour() * 60 + time.getMinute();
    }

    @Test
    void daytime_hours_are_one_range_per_day_closing_minute_excluded() {
        List<MinuteRange> ranges = open("09:00", "17:30");

        assertThat(ranges).hasSize(7);
        assertThat(ranges.getFirst()).isEqualTo(new MinuteRange(540, 1050));
        assertThat(ranges.getLast()).isEqualTo(new MinuteRange(SUNDAY + 540, SUNDAY + 1050));
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "09:00"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "17:29"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "17:30"))).isFalse();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "08:59"))).isFalse();
    }

    @Test
    void hours_past_midnight_continue_into_the_next_morning() {
        List<MinuteRange> ranges = open("18:00", "02:00");

        assertThat(ranges)
                .contains(new MinuteRange(18 * 60, DAY + 120), new MinuteRange(WEDNESDAY + 1080, 3 * DAY + 120));
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "23:59"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "01:59")))
                .as("Tuesday night")
                .isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "02:00"))).isFalse();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "12:00"))).isFalse();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "17:59"))).isFalse();
    }

    @Test
    void sunday_night_wraps_to_monday_morning_at_the_start_of_the_week() {
        List<MinuteRange> ranges = open("22:00", "03:00");

        assertThat(ranges.getFirst()).isEqualTo(new MinuteRange(MONDAY, 180));
        assertThat(ranges.getLast()).isEqualTo(new MinuteRange(SUNDAY + 1320, WEEK));
        assertThat(OpeningWeek.isOpen(ranges, at(SUNDAY, "23:59"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(MONDAY, "00:00"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(MONDAY, "02:59"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(MONDAY, "03:00"))).isFalse();
        assertThat(OpeningWeek.isOpen(ranges, at(SUNDAY, "21:59"))).isFalse();
    }

    @Test
    void ranges_never_overlap_and_stay_within_the_week() {
        for (List<MinuteRange> ranges : List.of(
                open("22:00", "03:00"), open("09:00", "17:00"), open("00:00", "00:00"), open("11:00", "00:00"))) {
            for (int i = 0; i < ranges.size(); i++) {
                MinuteRange range = ranges.get(i);
                assertThat(range.gte()).isBetween(0, WEEK - 1).isLessThan(range.lt());
                assertThat(range.lt()).isBetween(1, WEEK);
                if (i > 0) {
                    assertThat(range.gte())
                            .isGreaterThanOrEqualTo(ranges.get(i - 1).lt());
                }
            }
        }
    }

    @Test
    void closing_at_midnight_is_open_until_the_end_of_the_day_not_past_it() {
        List<MinuteRange> ranges = open("11:00", "00:00");

        assertThat(ranges).hasSize(7).first().isEqualTo(new MinuteRange(660, DAY));
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "23:59"))).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, at(WEDNESDAY, "00:00"))).isFalse();
        assertThat(OpeningWeek.isOpen(ranges, at(MONDAY, "00:00")))
                .as("Sunday closed at midnight")
                .isFalse();
    }

    @Test
    void equal_opening_and_closing_times_are_open_around_the_clock() {
        List<MinuteRange> ranges = open("06:00", "06:00");

        assertThat(ranges).containsExactly(new MinuteRange(0, WEEK));
        assertThat(OpeningWeek.isOpen(ranges, 0)).isTrue();
        assertThat(OpeningWeek.isOpen(ranges, WEEK - 1)).isTrue();
    }

    @Test
    void seconds_are_dropped_to_the_minute() {
        assertThat(open("09:00:59", "17:30:01").getFirst()).isEqualTo(new MinuteRange(540, 1050));
    }

    @Test
    void the_minute_of_the_week_is_read_from_the_restaurants_own_wall_clock() {
        Instant wednesdayMorningUtc = Instant.parse("2026-11-25T06:30:00Z");

        assertThat(OpeningWeek.minuteOfWeek(wednesdayMorningUtc, ZoneId.of("UTC")))
                .isEqualTo(at(WEDNESDAY, "06:30"));
        assertThat(OpeningWeek.minuteOfWeek(wednesdayMorningUtc, ZoneId.of("Asia/Kolkata")))
                .isEqualTo(at(WEDNESDAY, "12:00"));
        assertThat(OpeningWeek.minuteOfWeek(wednesdayMorningUtc, ZoneId.of("America/New_York")))
                .as("still Tuesday night in New York")
                .isEqualTo(at(WEDNESDAY, "01:30"));
        assertThat(OpeningWeek.minuteOfWeek(Instant.parse("2026-11-22T20:00:00Z"), ZoneId.of("Pacific/Auckland")))
                .as("Sunday 20:00 UTC is already Monday 09:00 in Auckland (summer time)")
                .isEqualTo(at(MONDAY, "09:00"));
        assertThat(OpeningWeek.minuteOfWeek(Instant.parse("2026-11-23T03:00:00Z"), ZoneId.of("America/Los_Angeles")))
                .as("Monday 03:00 UTC is still Sunday 19:00 in Los Angeles")
                .isEqualTo(at(SUNDAY, "19:00"));
    }

    @Test
    void summer_time_moves_the_local_minute_with_the_wall_clock() {
        ZoneId london = ZoneId.of("Europe/London");

        assertThat(OpeningWeek.minuteOfWeek(Instant.parse("2026-07-15T11:00:00Z"), london))
                .as("BST, UTC+1")
                .isEqualTo(at(WEDNESDAY, "12:00"));
        assertThat(OpeningWeek.minuteOfWeek(Instant.parse("2026-11-25T11:00:00Z"), london))
                .as("GMT")
                .isEqualTo(at(WEDNESDAY, "11:00"));
    }
}
