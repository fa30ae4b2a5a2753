package com.fooddelivery.payment.payment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.payment.payment.domain.ProviderOperation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderCallSettingsTest {

    private final ProviderCallSettings settings = new ProviderCallSettings(
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), 4, 10, 8, Duration.ofSeconds(1));

    @Test
    void the_wait_doubles_with_each_attempt_up_to_the_longest_wait() {
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(settings.backoffAfter(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.backoffAfter(500)).as("no overflow").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void each_operation_has_its_attempts_and_a_void_is_never_given_up() {
        assertThat(settings.attemptsFor(ProviderOperation.AUTHORIZE)).isEqualTo(4);
        assertThat(settings.attemptsFor(ProviderOperation.CAPTURE)).isEqualTo(10);
        assertThat(settings.attemptsFor(ProviderOperation.REFUND)).isEqualTo(8);
        assertThat(settings.attemptsFor(ProviderOperation.VOID)).isEqualTo(Integer.MAX_VALUE);
    }
}
