package com.fooddelivery.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class GatlingReportStatisticsTest {

    private static final String TABLE = resource("/gatling-report/statistics-table.html");

    @Test
    void reads_count_ko_rate_and_percentiles_of_every_row_by_the_header_labels() {
        assertThat(GatlingReportStatistics.rows(TABLE))
                .startsWith("All Requests\t747\t0\t18.68\t441\t2975\t4790\t6351")
                .contains("restaurant: read queue\t35\t0\t0.88\t493\t1313\t1490\t1490");
    }

    @Test
    void fails_loudly_when_a_gatling_upgrade_renames_a_column() {
        String renamed = TABLE.replace("<span>99th pct</span>", "<span>p99</span>");

        assertThatThrownBy(() -> GatlingReportStatistics.rows(renamed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'99th pct'");
    }

    private static String resource(String name) {
        try (var in = GatlingReportStatisticsTest.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
