package com.fooddelivery.order.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field rules of the catalog, which the HTTP requests check with the same predicates. */
class CatalogValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"INR", "EUR", "USD", "JPY"})
    void an_iso_4217_code_is_a_currency(String code) {
        assertThat(Price.isCurrencyCode(code)).isTrue();
        assertThat(new Price(100, code).currency()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inr", "RUPEE", "IN", "XYZ", "I1R", ""})
    void anything_else_is_not_a_currency(String code) {
        assertThat(Price.isCurrencyCode(code)).isFalse();
        assertThatThrownBy(() -> new Price(100, code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Price.MAX_AMOUNT_MINOR + 1})
    void a_price_is_between_zero_and_its_maximum(long amountMinor) {
        assertThatThrownBy(() -> new Price(amountMinor, "INR")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, Price.MAX_AMOUNT_MINOR})
    void free_and_dear_items_have_prices(long amountMinor) {
        assertThat(new Price(amountMinor, "INR").amountMinor()).isEqualTo(amountMinor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Kolkata", "Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC"})
    void an_iana_region_is_a_time_zone(String zone) {
        assertThat(OpeningHours.isTimeZoneId(zone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Bangalore", "+05:30", "IST", "asia/kolkata", "Mars/Olympus_Mons", ""})
    void offsets_abbreviations_and_made_up_regions_are_not(String zone) {
        assertThat(OpeningHours.isTimeZoneId(zone)).isFalse();
        assertThatThrownBy(() -> OpeningHours.of("10:00", "22:00", zone)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00", "09:05", "18:30", "23:59"})
    void a_time_of_day_is_hh_mm(String time) {
        assertThat(OpeningHours.isTimeOfDay(time)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "9:05", "09:60", "09:05:00", "0905", "noon", ""})
    void other_times_are_refused(String time) {
        assertThat(OpeningHours.isTimeOfDay(time)).isFalse();
        assertThatThrownBy(() -> OpeningHours.of(time, "22:00", "Asia/Kolkata"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10:00:30", "10:00:00.5"})
    void opening_hours_are_kept_to_the_minute(String time) {
        assertThatThrownBy(() -> new OpeningHours(LocalTime.parse(time), LocalTime.NOON, ZoneId.of("Asia/Kolkata")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-90.0001, 90.0001, Double.NaN})
    void a_latitude_beyond_the_poles_is_not_a_location(double lat) {
        assertThatThrownBy(() -> new Location(lat, 77.6)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-180.0001, 180.0001, Double.NaN})
    void a_longitude_beyond_the_date_line_is_not_a_location(double lon) {
        assertThatThrownBy(() -> new Location(12.9, lon)).isInstanceOf(IllegalArgumentException.class);
    }
}
