package com.fooddelivery.delivery.delivery.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code delivery.*}.
 *
 * @param offerTimeout how long a courier has to answer an offer before it goes to the next courier
 * @param giveUpAfter how long a request may wait without an assigned courier before NoCourierAvailable is sent
 * @param sweepInterval how often expired offers and waiting deliveries are looked at (also the latency of
 *     re-offering a waiting delivery once a courier comes online)
 */
@ConfigurationProperties("delivery")
public record DeliverySettings(
        @DefaultValue("30s") Duration offerTimeout,
        @DefaultValue("10m") Duration giveUpAfter,
        @DefaultValue("1s") Duration sweepInterval) {}
