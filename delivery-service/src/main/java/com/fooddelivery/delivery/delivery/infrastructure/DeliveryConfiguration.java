package com.fooddelivery.delivery.delivery.infrastructure;

import com.fooddelivery.delivery.delivery.application.DeliveryService;
import com.fooddelivery.delivery.delivery.application.DeliverySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery feature's wiring beyond component scanning: its settings and the offer sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryConfiguration {

    @Bean
    OfferSweeper offerSweeper(DeliveryService deliveries, DeliverySettings settings) {
        return new OfferSweeper(deliveries, settings.sweepInterval());
    }
}
