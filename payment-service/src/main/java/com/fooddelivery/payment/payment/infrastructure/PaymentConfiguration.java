package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.messaging.consumer.TransientExceptions;
import com.fooddelivery.payment.payment.application.PaymentDesk;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.Payments;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wiring of the payment feature. The provider is the simulated one behind the resilience4j instance
 * {@value #PROVIDER} (configured under {@code resilience4j.*.instances.paymentProvider} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatedProviderProperties.class)
class PaymentConfiguration {

    static final String PROVIDER = "paymentProvider";

    @Bean
    Payments payments(JdbcClient jdbc) {
        return new JdbcPayments(jdbc);
    }

    /** Runs provider calls so the time limiter can stop waiting for them. */
    @Bean(destroyMethod = "close")
    ExecutorService paymentProviderCalls() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    PaymentProvider paymentProvider(
            SimulatedProviderProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads,
            TimeLimiterRegistry timeLimiters,
            ExecutorService paymentProviderCalls) {
        SimulatedPaymentProvider simulated = new SimulatedPaymentProvider(
                properties.settings(), () -> ThreadLocalRandom.current().nextDouble());
        return new ResilientPaymentProvider(
                simulated,
                retries.retry(PROVIDER),
                circuitBreakers.circuitBreaker(PROVIDER),
                bulkheads.bulkhead(PROVIDER),
                timeLimiters.timeLimiter(PROVIDER),
                paymentProviderCalls);
    }

    /**
     * A provider outage is waited out by the command listener like a database outage (retried until it ends, never
     * declined or dead-lettered): the payment deadline of the order's saga bounds how long the customer waits.
     */
    @Bean
    TransientExceptions providerOutagesAreTransient() {
        return TransientExceptions.of(
                ProviderUnavailableException.class, CallNotPermittedException.class, BulkheadFullException.class);
    }

    @Bean
    PaymentDesk paymentDesk(Payments payments, PaymentProvider paymentProvider, Clock clock) {
        return new PaymentDesk(payments, paymentProvider, clock);
    }
}
