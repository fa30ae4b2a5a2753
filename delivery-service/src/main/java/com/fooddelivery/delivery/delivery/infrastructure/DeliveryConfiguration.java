package com.fooddelivery.delivery.delivery.infrastructure;

import com.fooddelivery.delivery.delivery.application.DeliveryRepository;
import com.fooddelivery.delivery.delivery.application.DeliveryService;
import com.fooddelivery.delivery.delivery.application.DeliverySettings;
import com.fooddelivery.messaging.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery feature's wiring beyond component scanning: its settings, the offer sweeper, its gauges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryConfiguration {

    @Bean
    PeriodicTask offerSweeper(DeliveryService deliveries, DeliverySettings settings) {
        return new PeriodicTask("offer-sweeper", settings.sweepInterval(), new OfferSweeper(deliveries)::sweep);
    }

    /** Deliveries out for delivery too long right now, read at each scrape: what an alert should page on. */
    @Bean
    MeterBinder overdueDeliveries(DeliveryRepository deliveries) {
        return registry -> Gauge.builder("delivery.overdue.open", deliveries, DeliveryRepository::overdueNow)
                .description("Picked-up deliveries flagged overdue and not yet delivered")
                .register(registry);
    }
}
