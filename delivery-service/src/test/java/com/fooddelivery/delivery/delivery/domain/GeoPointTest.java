package com.fooddelivery.delivery.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    private static final GeoPoint BENGALURU = new GeoPoint(12.9716, 77.5946);
    private static final GeoPoint CHENNAI = new GeoPoint(13.0827, 80.2707);

    @Test
    void measures_the_great_circle_distance_between_two_cities() {
        assertThat(BENGALURU.distanceKmTo(CHENNAI)).isCloseTo(290.2, within(1.0));
    }

    @Test
    void distance_is_symmetric_and_zero_to_itself() {
        assertThat(CHENNAI.distanceKmTo(BENGALURU)).isEqualTo(BENGALURU.distanceKmTo(CHENNAI));
        assertThat(BENGALURU.distanceKmTo(BENGALURU)).isZero();
    }

    @Test
    void one_degree_of_latitude_is_about_111_km() {
        assertThat(new GeoPoint(0, 0).distanceKmTo(new GeoPoint(1, 0))).isCloseTo(111.2, within(0.1));
    }

    @Test
    void measures_across_the_antimeridian_the_short_way() {
        assertThat(new GeoPoint(0, 179.5).distanceKmTo(new GeoPoint(0, -179.5))).isCloseTo(111.2, within(0.1));
    }

    @Test
    void refuses_a_point_off_the_globe() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(91, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, -180.5));
    }
}
