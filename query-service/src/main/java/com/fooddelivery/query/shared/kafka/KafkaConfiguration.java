package com.fooddelivery.query.shared.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * A batch that fails as a whole (Elasticsearch unreachable) is retried with backoff until it succeeds: the
     * projection pauses, nothing is skipped. Messages that can never be projected go to {@link DeadLetters} instead.
     */
    @Bean
    DefaultErrorHandler retryUntilProjected() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
