package com.fooddelivery.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fooddelivery.load.ReadMix.Read;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadMixTest {

    private static final ReadMix TRACKING_THREE_TO_ONE_SEARCH = mix(Map.of(Read.TRACKING, 3.0, Read.SEARCH, 1.0));

    @Test
    void each_read_gets_a_slice_of_the_unit_interval_as_wide_as_its_share_of_the_weights() {
        assertThat(TRACKING_THREE_TO_ONE_SEARCH.pick(0.0)).isEqualTo(Read.TRACKING);
        assertThat(TRACKING_THREE_TO_ONE_SEARCH.pick(0.7499)).isEqualTo(Read.TRACKING);
        assertThat(TRACKING_THREE_TO_ONE_SEARCH.pick(0.75)).isEqualTo(Read.SEARCH);
        assertThat(TRACKING_THREE_TO_ONE_SEARCH.pick(Math.nextDown(1.0))).isEqualTo(Read.SEARCH);
        assertThat(TRACKING_THREE_TO_ONE_SEARCH.share(Read.TRACKING)).isEqualTo(0.75);
    }

    @Test
    void a_read_weighed_zero_is_never_drawn() {
        for (double uniform = 0; uniform < 1; uniform += 0.001) {
            assertThat(TRACKING_THREE_TO_ONE_SEARCH.pick(uniform)).isIn(Read.TRACKING, Read.SEARCH);
        }
        assertThat(TRACKING_THREE_TO_ONE_SEARCH.share(Read.MENU)).isZero();
    }

    @Test
    void the_default_mix_is_dominated_by_tracking_and_draws_every_read_in_proportion() {
        ReadMix defaults = ReadMix.defaults();
        Map<Read, Integer> drawn = new EnumMap<>(Read.class);
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            drawn.merge(defaults.pick((i + 0.5) / draws), 1, Integer::sum);
        }

        assertThat(defaults.share(Read.TRACKING)).isGreaterThan(0.5);
        for (Read read : Read.values()) {
            assertThat(drawn.getOrDefault(read, 0) / (double) draws)
                    .as(read.name())
                    .isCloseTo(defaults.share(read), within(0.001));
        }
        assertThat(defaults.describe())
                .isEqualTo("tracking 55.0 %, myOrders 10.0 %, restaurantQueue 10.0 %, courierJobs 10.0 %, "
                        + "menu 10.0 %, search 5.0 %");
    }

    @Test
    void weights_are_read_from_the_load_reads_settings_and_default_when_absent() {
        System.setProperty("load.reads.search", "45");
        try {
            ReadMix mix = ReadMix.fromSystemProperties();

            // 45 against the defaults of the others: 55 + 10 + 10 + 10 + 10.
            assertThat(mix.share(Read.SEARCH)).isCloseTo(45.0 / 140, within(1e-12));
            assertThat(mix.share(Read.TRACKING)).isCloseTo(55.0 / 140, within(1e-12));
        } finally {
            System.clearProperty("load.reads.search");
        }
    }

    @Test
    void refuses_a_negative_weight_naming_its_setting() {
        assertThatThrownBy(() -> mix(Map.of(Read.TRACKING, 1.0, Read.COURIER_JOBS, -1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("load.reads.courierJobs");
    }

    @Test
    void refuses_a_mix_with_nothing_to_read() {
        assertThatThrownBy(() -> mix(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    private static ReadMix mix(Map<Read, Double> weights) {
        return new ReadMix(weights);
    }
}
