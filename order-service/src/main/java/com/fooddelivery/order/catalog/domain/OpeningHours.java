package com.fooddelivery.order.catalog.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Daily opening hours in the restaurant's own time zone, to the minute. {@code closesAt} before {@code opensAt} means
 * open past midnight; equal means open around the clock.
 */
public record OpeningHours(LocalTime opensAt, LocalTime closesAt, ZoneId timeZone) {

    /** A time of day as {@code HH:mm}, 00:00 to 23:59. */
    public static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private static final Pattern HH_MM_PATTERN = Pattern.compile(HH_MM);

    public OpeningHours {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(timeZone, "timeZone");
        if (opensAt.getSecond() != 0
                || opensAt.getNano() != 0
                || closesAt.getSecond() != 0
                || closesAt.getNano() != 0) {
            throw new IllegalArgumentException("Opening hours are kept to the minute: " + opensAt + "-" + closesAt);
        }
        if (!isTimeZoneId(timeZone.getId())) {
            throw new IllegalArgumentException("Not an IANA time zone: " + timeZone);
        }
    }

    /**
     * @param opensAt {@code HH:mm}
     * @param closesAt {@code HH:mm}
     * @param timeZone an IANA time zone id such as {@code Asia/Kolkata}
     */
    public static OpeningHours of(String opensAt, String closesAt, String timeZone) {
        if (!isTimeOfDay(opensAt) || !isTimeOfDay(closesAt)) {
            throw new IllegalArgumentException("Times must be HH:mm: " + opensAt + ", " + closesAt);
        }
        if (!isTimeZoneId(timeZone)) {
            throw new IllegalArgumentException("Not an IANA time zone: " + timeZone);
        }
        return new OpeningHours(LocalTime.parse(opensAt), LocalTime.parse(closesAt), ZoneId.of(timeZone));
    }

    public static boolean isTimeOfDay(String value) {
        return value != null && HH_MM_PATTERN.matcher(value).matches();
    }

    /**
     * A region id of the IANA time zone database ({@code Europe/Berlin}, {@code UTC}); fixed offsets such as
     * {@code +05:30} are not, because they ignore daylight saving time.
     */
    public static boolean isTimeZoneId(String value) {
        return value != null && ZoneId.getAvailableZoneIds().contains(value);
    }
}
