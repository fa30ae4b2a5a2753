package com.fooddelivery.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLevelsTest {

    /** 10, 20, 30 orders/s, 10 s each, 2 s ramps between them: levels start at 0, 12 and 24 s. */
    private static final LoadSettings.RateSteps STEPS = new LoadSettings.RateSteps(
            10, 10, 3, Duration.ofSeconds(10), Duration.ofSeconds(2), 99, Duration.ofMillis(100));

    private static final long START = 1_000_000_000L;

    @Test
    void a_level_whose_p99_is_over_the_limit_breaks_once_the_next_level_starts() {
        RateLevels levels = started();
        postsAt(levels, 0, 98, 20);
        // The two slowest of 100: the 99th of them, the nearest-rank p99, is over 100 ms.
        post(levels, 9, 250, false);
        post(levels, 9.1, 300, false);
        assertThat(levels.broken()).isFalse();

        post(levels, 12.5, 20, false);

        assertThat(levels.broken()).isTrue();
        assertThat(levels.brokenMessage()).isEqualTo("intake broke at 10.0 orders/s");
        assertThat(levels.results()).containsEntry("brokeAtRate", 10.0).containsEntry("lastHeldRate", null);
    }

    @Test
    void one_failed_post_breaks_a_level_whatever_its_latency() {
        RateLevels levels = started();
        postsAt(levels, 0, 100, 20);
        postsAt(levels, 12, 100, 20);
        post(levels, 13, 20, true);

        post(levels, 24.5, 20, false);

        assertThat(levels.results()).containsEntry("lastHeldRate", 10.0).containsEntry("brokeAtRate", 20.0);
    }

    @Test
    void posts_sent_while_the_rate_ramps_between_levels_are_left_out() {
        RateLevels levels = started();
        postsAt(levels, 0, 100, 20);
        post(levels, 11, 5_000, true); // in the ramp from 10 to 20 orders/s

        post(levels, 12.5, 20, false);

        assertThat(levels.broken()).isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) levels.results().get("levels");
        assertThat(rows.getFirst()).containsEntry("requests", 100).containsEntry("failed", 0);
    }

    @Test
    void reads_levels_are_judged_at_p95_so_a_few_slow_reads_do_not_break_a_level() {
        LoadSettings.RateSteps reads = new LoadSettings.RateSteps(
                50, 50, 3, Duration.ofSeconds(10), Duration.ofSeconds(2), 95, Duration.ofMillis(300));
        RateLevels levels = new RateLevels(reads, "reads", "reads/s");
        levels.start(START);
        // Level 1 (50 reads/s): 5 slow of 100, p95 is the 95th, still fast. Level 2 (100 reads/s): 6 slow of 100.
        postsAt(levels, 0, 95, 20);
        postsAt(levels, 9, 5, 1_000);
        postsAt(levels, 12, 94, 20);
        postsAt(levels, 21, 6, 1_000);

        post(levels, 24.5, 20, false);

        assertThat(levels.brokenMessage()).isEqualTo("reads broke at 100.0 reads/s");
        assertThat(levels.results())
                .containsEntry("lastHeldRate", 50.0)
                .containsEntry("brokeAtRate", 100.0)
                .containsEntry("percentile", 95.0)
                .containsEntry("limitMillis", 300L);
    }

    @Test
    void the_last_level_is_judged_when_the_results_are_read() {
        RateLevels levels = started();
        postsAt(levels, 0, 100, 20);
        postsAt(levels, 12, 100, 20);
        postsAt(levels, 24, 100, 500);

        assertThat(levels.broken()).isFalse();
        assertThat(levels.results()).containsEntry("lastHeldRate", 20.0).containsEntry("brokeAtRate", 30.0);
    }

    private static RateLevels started() {
        RateLevels levels = new RateLevels(STEPS);
        levels.start(START);
        return levels;
    }

    private static void postsAt(RateLevels levels, double second, int count, long millis) {
        for (int i = 0; i < count; i++) {
            post(levels, second + i * 0.05, millis, false);
        }
    }

    private static void post(RateLevels levels, double second, long millis, boolean failed) {
        levels.record(START + (long) (second * 1e9), millis, failed);
    }
}
