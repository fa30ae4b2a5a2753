package com.fooddelivery.payment.payment.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payment.provider.*}: faults and limits of the {@link SimulatedPaymentProvider}.
 *
 * @param latency how long every provider call takes
 * @param transientFailureRate share of calls (0 to 1) that fail transiently and are retried
 * @param walletLimitMinor WALLET authorizations above this amount (minor units) are declined
 */
@ConfigurationProperties("payment.provider")
record SimulatedProviderProperties(
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("0") double transientFailureRate,
        @DefaultValue("1000000") long walletLimitMinor) {

    SimulatedPaymentProvider.Settings settings() {
        return new SimulatedPaymentProvider.Settings(latency, transientFailureRate, walletLimitMinor);
    }
}
