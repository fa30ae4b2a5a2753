package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.messaging.scheduling.PeriodicTask;
import com.fooddelivery.payment.payment.application.PaymentAnswers;
import com.fooddelivery.payment.payment.application.PaymentDesk;
import com.fooddelivery.payment.payment.application.ProviderCallRunner;
import com.fooddelivery.payment.payment.application.ProviderCallSettings;
import com.fooddelivery.payment.payment.application.ProviderCalls;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.Payments;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wiring of the payment feature. The provider is the simulated one (its memory in PostgreSQL) behind the resilience4j
 * instance {@value #PROVIDER} (configured under {@code resilience4j.*.instances.paymentProvider} in application.yml);
 * its calls are made by {@link ProviderCallRunner}, after the command's transaction, and swept up when left undone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SimulatedProviderProperties.class, ProviderCallSettings.class})
class PaymentConfiguration {

    static final String PROVIDER = "paymentProvider";

    @Bean
    Payments payments(JdbcClient jdbc) {
        return new JdbcPayments(jdbc);
    }

    @Bean
    ProviderCalls providerCalls(JdbcClient jdbc) {
        return new JdbcProviderCalls(jdbc);
    }

    @Bean
    PaymentProvider paymentProvider(
            SimulatedProviderProperties properties,
            JdbcClient jdbc,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads) {
        SimulatedPaymentProvider simulated = new SimulatedPaymentProvider(
                properties.settings(), () -> ThreadLocalRandom.current().nextDouble(), new JdbcProviderMemory(jdbc));
        return new ResilientPaymentProvider(
                simulated,
                retries.retry(PROVIDER),
                circuitBreakers.circuitBreaker(PROVIDER),
                bulkheads.bulkhead(PROVIDER));
    }

    @Bean
    PaymentDesk paymentDesk(Payments payments, ProviderCalls providerCalls, Clock clock) {
        return new PaymentDesk(payments, providerCalls, clock);
    }

    @Bean
    ProviderCallRunner providerCallRunner(
            PlatformTransactionManager transactionManager,
            Payments payments,
            ProviderCalls providerCalls,
            PaymentProvider paymentProvider,
            PaymentAnswers answers,
            ProviderCallSettings settings,
            Clock clock,
            MeterRegistry meters) {
        return new ProviderCallRunner(
                new TransactionTemplate(transactionManager),
                payments,
                providerCalls,
                paymentProvider,
                answers,
                settings,
                clock,
                meters);
    }

    @Bean
    PeriodicTask providerCallSweeper(ProviderCallRunner runner, ProviderCallSettings settings) {
        return new PeriodicTask("provider-calls", settings.sweepInterval(), runner::runAllDue);
    }

    /** Calls waiting for the provider, read at each scrape: a provider outage shows here before anywhere else. */
    @Bean
    MeterBinder pendingProviderCalls(ProviderCalls providerCalls) {
        return registry -> {
            Gauge.builder("payment.calls.pending", providerCalls, calls -> calls.backlog()
                            .pending())
                    .description("Provider calls recorded and not yet answered or given up")
                    .register(registry);
            Gauge.builder(
                            "payment.calls.oldest.pending",
                            providerCalls,
                            calls -> calls.backlog().oldestAge().toMillis() / 1000.0)
                    .baseUnit("seconds")
                    .description("Age of the oldest provider call not yet answered or given up")
                    .register(registry);
        };
    }
}
