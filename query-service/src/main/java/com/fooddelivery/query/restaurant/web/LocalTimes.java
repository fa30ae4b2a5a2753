package com.fooddelivery.query.restaurant.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Opening times as the apps show them: {@code HH:mm}, the resolution "open now" is answered in. */
final class LocalTimes {

    private static final DateTimeFormatter HOURS_AND_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private LocalTimes() {}

    static String format(LocalTime time) {
        return time.format(HOURS_AND_MINUTES);
    }
}
