package com.fooddelivery.testsupport;

import com.fooddelivery.contracts.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;

/**
 * Points a service under test at the real Kafka and Elasticsearch, at {@link TestTokens} for its access tokens and,
 * if it uses JDBC, at a database of its own.
 *
 * <p>Kafka is shared with every other test and run, and services read a new group from the beginning
 * ({@code earliest}, as in production). So by default the service's consumer group is one of its own that starts at
 * the integration topics' current ends ({@link TestConsumerGroups#startingNow}): it handles what is published from
 * now on, never earlier runs' messages. A test that wants another group (a first start that must see older
 * messages, a group it looks for in dead letters) names it with {@code @DynamicPropertySource} or
 * {@code @TestPropertySource}, which outrank this default.
 * The database is dropped after the context has stopped its lifecycle beans (relay, listeners) and closed its
 * connection pool, so nothing is pulled from under a running component.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.elasticsearch.uris", infrastructure.elasticsearchUrl());
        if (ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", context.getClassLoader())) {
            TestDatabase database = infrastructure.newDatabase(
                    context.getEnvironment().getProperty("spring.application.name", "service"));
            properties.putAll(database.springProperties());
            // Registered first, so destroyed last: after every bean created by the context.
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("testDatabase", database::close);
        }
        // Tokens come from TestTokens, as they would from any OpenID Connect provider, unless the test itself names
        // a provider (application.yml always names order-service's).
        PropertySource<?> testProperties = context.getEnvironment()
                .getPropertySources()
                .get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
        if (testProperties == null || !testProperties.containsProperty(JWK_SET_URI)) {
            properties.put(JWK_SET_URI, TestTokens.jwkSetUri());
            properties.put(ISSUER_URI, TestTokens.ISSUER);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
        // Below the test's own properties, above the service's application.yml.
        MapPropertySource defaults = new MapPropertySource("realInfrastructureDefaults", ownConsumerGroup(context));
        if (testProperties != null) {
            context.getEnvironment().getPropertySources().addAfter(testProperties.getName(), defaults);
        } else {
            context.getEnvironment().getPropertySources().addFirst(defaults);
        }
    }

    /**
     * order-service names its reply group {@code order.replies.group-id}; the others use Spring's
     * {@code spring.kafka.consumer.group-id}.
     */
    private static Map<String, Object> ownConsumerGroup(ConfigurableApplicationContext context) {
        String group = TestConsumerGroups.startingNow(
                context.getEnvironment().getProperty("spring.application.name", "service") + "-it-" + UUID.randomUUID(),
                Topics.ALL.toArray(String[]::new));
        return Map.of("spring.kafka.consumer.group-id", group, "order.replies.group-id", group);
    }
}
