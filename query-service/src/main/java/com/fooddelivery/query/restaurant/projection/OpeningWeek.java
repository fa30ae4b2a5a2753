package com.fooddelivery.query.restaurant.projection;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Daily opening hours as the minutes of the week during which a restaurant is open, in its own local time: Monday
 * 00:00 is minute 0, Sunday 23:59 is minute 10,079. Indexed as an {@code integer_range} field, so that "open now" is a
 * term query on the current local minute of the week in the restaurant's time zone.
 *
 * <p>Resolution is one minute: seconds in {@code opensAt}/{@code closesAt} are dropped.
 */
public final class OpeningWeek {

    public static final int MINUTES_PER_DAY = 24 * 60;
    public static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    /**
     * The time zones a restaurant may be in: the region ids of this JVM's time-zone database (IANA ids such as {@code
     * Asia/Kolkata}, also {@code UTC}), so that the search can work out the local time of any stored zone.
     */
    public static final Set<String> TIME_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** The minutes {@code [gte, lt)} of the week; the JSON shape of an Elasticsearch range field. */
    public record MinuteRange(int gte, int lt) {

        public boolean contains(int minuteOfWeek) {
            return gte <= minuteOfWeek && minuteOfWeek < lt;
        }
    }

    private OpeningWeek() {}

    /**
     * The open minutes of a week for the same hours every day, sorted and without overlaps. {@code closesAt} before
     * {@code opensAt} is open past midnight (Sunday night's hours continue into Monday morning, at the start of the
     * week); equal is open around the clock.
     */
    public static List<MinuteRange> of(LocalTime opensAt, LocalTime closesAt) {
        int opens = minuteOfDay(opensAt);
        int closes = minuteOfDay(closesAt);
        List<MinuteRange> ranges = new ArrayList<>();
        if (opens == closes) {
            ranges.add(new MinuteRange(0, MINUTES_PER_WEEK));
        } else if (opens < closes) {
            for (int day = 0; day < 7; day++) {
                ranges.add(new MinuteRange(day * MINUTES_PER_DAY + opens, day * MINUTES_PER_DAY + closes));
            }
        } else {
            if (closes > 0) {
                ranges.add(new MinuteRange(0, closes)); // Sunday night, after midnight
            }
            for (int day = 0; day < 7; day++) {
                int end = Math.min((day + 1) * MINUTES_PER_DAY + closes, MINUTES_PER_WEEK);
                ranges.add(new MinuteRange(day * MINUTES_PER_DAY + opens, end));
            }
        }
        return List.copyOf(ranges);
    }

    /** The minute of the week that the wall clocks of {@code zone} show at {@code instant}. */
    public static int minuteOfWeek(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return (local.getDayOfWeek().getValue() - 1) * MINUTES_PER_DAY + minuteOfDay(local.toLocalTime());
    }

    public static boolean isOpen(List<MinuteRange> openMinutes, int minuteOfWeek) {
        return openMinutes.stream().anyMatch(range -> range.contains(minuteOfWeek));
    }

    private static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
