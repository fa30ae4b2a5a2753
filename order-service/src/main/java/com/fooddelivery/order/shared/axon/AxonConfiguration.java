package com.fooddelivery.order.shared.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fooddelivery.messaging.consumer.TransientExceptions;
import java.sql.SQLException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    static {
        // Axon's usage reporter reads only this JVM system property (not Spring properties); there is no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    /** Metadata key carrying the W3C trace context from the HTTP request into every message it causes. */
    public static final String TRACEPARENT = "traceparent";

    /**
     * Event handlers run in the publishing unit of work: whatever they write (outbox rows, saga state) commits or
     * rolls back with the events. A failing handler fails the command instead of being logged and skipped.
     */
    @Bean
    ConfigurerModule subscribingProcessorsThatPropagateErrors() {
        return configurer -> configurer
                .eventProcessing()
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /**
     * Axon's auto-configuration orders itself after Spring Boot 3 class names, so on Boot 4 it does not see the
     * transaction manager and runs without one: event appends and outbox writes would each commit on their own.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * Recognizes PostgreSQL's unique violation (SQLSTATE 23505), so a second write of the same aggregate sequence is
     * reported as a concurrency conflict, and a second creation of the same aggregate as such.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Axon 4 serializes with Jackson 2; java.time types need the JSR-310 module. */
    @Bean
    ObjectMapper axonObjectMapper() {
        return JsonMapper.builder().findAndAddModules().build();
    }

    /**
     * A reply whose command lost a race (the aggregate's event-sequence constraint, {@code ConcurrencyException}) or
     * met another transient Axon failure is retried by the reply listener until it goes through, like a lost
     * database connection.
     */
    @Bean
    TransientExceptions axonTransientExceptions() {
        return TransientExceptions.of(AxonTransientException.class);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider traceparentProvider() {
        return new SimpleCorrelationDataProvider(TRACEPARENT);
    }
}
