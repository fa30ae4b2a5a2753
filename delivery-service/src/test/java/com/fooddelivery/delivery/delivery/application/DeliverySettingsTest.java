package com.fooddelivery.delivery.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeliverySettingsTest {

    @Test
    void tracking_defaults_to_one_update_per_five_seconds_and_20_kmh() {
        DeliverySettings settings = bind(Map.of());

        assertThat(settings.tracking().minInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.tracking().averageSpeedKmh()).isEqualTo(20);
        assertThat(settings.offerTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void tracking_is_configured_under_delivery_tracking() {
        DeliverySettings settings =
                bind(Map.of("delivery.tracking.min-interval", "2s", "delivery.tracking.average-speed-kmh", "15.5"));

        assertThat(settings.tracking().minInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.tracking().averageSpeedKmh()).isEqualTo(15.5);
    }

    @Test
    void a_speed_that_is_not_positive_is_refused_at_startup() {
        assertThatThrownBy(() -> bind(Map.of("delivery.tracking.average-speed-kmh", "0")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("delivery.tracking.average-speed-kmh must be positive");
    }

    private static DeliverySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("delivery", DeliverySettings.class);
    }
}
