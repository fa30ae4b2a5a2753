package com.fooddelivery.idempotency;

import com.fooddelivery.web.FilterProblems;
import com.fooddelivery.web.WebSupportAutoConfiguration;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency-Key handling ({@link IdempotencyFilter}) for a servlet service with a PostgreSQL DataSource; switched off
 * with {@code idempotency.enabled=false}.
 */
// After web-support, whose FilterProblems writes this filter's problems.
@AutoConfiguration(
        after = WebSupportAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JdbcTemplate.class)
@ConditionalOnProperty(name = "idempotency.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /**
     * The library's own table, with a Flyway history of its own ({@code idempotency_schema_history}) beside the
     * service's. Taking the JdbcTemplate makes it run after the service's own migrations.
     */
    @Bean
    IdempotencySchema idempotencySchema(DataSource dataSource, JdbcTemplate jdbc) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/idempotency")
                .table("idempotency_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new IdempotencySchema();
    }

    @Bean
    IdempotencyStore idempotencyStore(
            IdempotencySchema schema,
            JdbcTemplate jdbc,
            ObjectProvider<Clock> clock,
            IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, clock.getIfAvailable(Clock::systemUTC), properties.takeOverAfter());
    }

    @Bean
    @ConditionalOnMissingBean
    CallerIdentity callerIdentity() {
        return new PrincipalCallerIdentity();
    }

    @Bean
    IdempotencyPruner idempotencyPruner(
            IdempotencyStore store, ObjectProvider<Clock> clock, IdempotencyProperties properties) {
        return new IdempotencyPruner(
                store, clock.getIfAvailable(Clock::systemUTC), properties.retention(), properties.pruneInterval());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, CallerIdentity callers, FilterProblems problems, IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, callers, problems, properties.retryAfter(), properties.excludedPaths()));
        registration.setOrder(IdempotencyFilter.ORDER);
        return registration;
    }
}
