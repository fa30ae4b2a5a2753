package com.fooddelivery.messaging;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.InboxPruner;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.messaging.relay.OutboxRelay;
import com.fooddelivery.messaging.relay.OutboxRelayHealthIndicator;
import com.fooddelivery.messaging.relay.RelayLeaderElection;
import com.fooddelivery.messaging.relay.RelaySettings;
import com.fooddelivery.messaging.relay.ReplicationSlot;
import com.fooddelivery.messaging.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox, relay and inbox for a service with a PostgreSQL DataSource and Kafka. How listeners consume (reader, error
 * handler, dead letters) is {@link com.fooddelivery.messaging.consumer.ConsumerAutoConfiguration}, which needs no
 * database.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ConditionalOnClass(name = {"org.springframework.jdbc.core.JdbcTemplate", "org.flywaydb.core.Flyway"})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /**
     * The library's own tables (outbox, inbox) and the replication slot, created at startup before anything can
     * write to the outbox. Its Flyway history is separate from the service's.
     */
    @Bean
    MessagingSchema messagingSchema(
            DataSource dataSource,
            JdbcTemplate jdbc,
            MessagingProperties properties,
            @Value("${spring.application.name}") String application) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .table("messaging_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        ReplicationSlot slot = new ReplicationSlot(jdbc, slotName(properties, application));
        if (properties.relay().enabled()) {
            slot.ensureExists();
        }
        return new MessagingSchema(slot);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxWriter outboxWriter(MessagingSchema schema, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new OutboxWriter(jdbc, json, clock);
    }

    @Bean
    IdempotentInbox idempotentInbox(MessagingSchema schema, JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new IdempotentInbox(jdbc, transaction);
    }

    @Bean
    InboxPruner inboxPruner(MessagingSchema schema, JdbcTemplate jdbc, Clock clock, MessagingProperties properties) {
        return new InboxPruner(jdbc, clock, properties.inbox().retention());
    }

    @Bean
    PeriodicTask inboxPruning(InboxPruner pruner, MessagingProperties properties) {
        return new PeriodicTask("inbox-pruner", properties.inbox().pruneInterval(), pruner::prune);
    }

    @Bean
    KafkaAdmin.NewTopics integrationTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(name -> TopicBuilder.name(name)
                        .partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicas())
                        .configs(retention(name))
                        .build())
                .toArray(NewTopic[]::new));
    }

    /**
     * How long a topic keeps its messages: the read model is rebuilt from the topics, so they must hold every entity
     * for good. Order and restaurant events each carry the whole entity, so compaction keeps exactly the latest one
     * per key (after a week, so a slow reader still sees every change). deliveries.events mixes the saga's replies
     * with the full-state DeliveryUpdated under the same key, so it is kept whole. Commands need only the default.
     */
    static Map<String, String> retention(String topic) {
        return switch (topic) {
            case Topics.ORDERS_EVENTS, Topics.RESTAURANTS_EVENTS ->
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                        Long.toString(Duration.ofDays(7).toMillis()));
            case Topics.DELIVERIES_EVENTS -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
            default -> Map.of();
        };
    }

    /** Topics that exist already (created by an older version) get the configs above too. */
    @Bean
    static BeanPostProcessor updateExistingTopicConfigs() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "messaging.relay.enabled", havingValue = "true", matchIfMissing = true)
    static class RelayConfiguration {

        @Bean
        RelaySettings relaySettings(
                MessagingSchema schema,
                MessagingProperties properties,
                DataSourceProperties dataSource,
                @Value("${spring.application.name}") String application) {
            MessagingProperties.Relay relay = properties.relay();
            return new RelaySettings(
                    application + "-outbox-relay",
                    dataSource.determineUrl(),
                    dataSource.determineUsername(),
                    dataSource.determinePassword(),
                    schema.slot().name(),
                    relay.pollInterval(),
                    relay.offsetFlushInterval(),
                    relay.leaderCheckInterval(),
                    relay.sendTimeout(),
                    relay.stallTimeout(),
                    relay.restartBackoff(),
                    relay.maxRestartBackoff());
        }

        /** Where the relay puts outbox rows Kafka will never take; kept like the other dead letters. */
        @Bean
        NewTopic relayDeadLetterTopic(MessagingProperties properties) {
            return TopicBuilder.name(OutboxRelay.DEAD_LETTER_TOPIC)
                    .partitions(properties.topics().partitions())
                    .replicas(properties.topics().replicas())
                    .build();
        }

        @Bean
        OutboxRelay outboxRelay(
                RelaySettings settings, KafkaProperties kafka, JsonMapper json, MeterRegistry meters, Clock clock) {
            Map<String, Object> producerConfig = kafka.buildProducerProperties();
            producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
            producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // The producer retries every record, in order, until Kafka takes it: during an outage a batch waits rather
            // than half-fails (a retry of half a batch could put a key's messages out of order). The relay gives up a
            // batch only when it is stopped, after its stall timeout.
            producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
            producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            // Bounds send() itself (metadata fetch, full buffer): an engine blocked there cannot be closed.
            producerConfig.put(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
            return new OutboxRelay(
                    settings,
                    () -> new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer()),
                    json,
                    meters,
                    clock);
        }

        @Bean
        RelayLeaderElection relayLeaderElection(
                RelaySettings settings, OutboxRelay relay, MeterRegistry meters, Clock clock) {
            RelayLeaderElection election = new RelayLeaderElection(settings, relay, meters, clock);
            Gauge.builder("outbox.relay.leader", election, e -> e.isLeader() ? 1 : 0)
                    .description("1 on the instance whose relay streams the outbox")
                    .register(meters);
            return election;
        }

        @Bean
        OutboxRelayHealthIndicator outboxRelayHealthIndicator(
                RelayLeaderElection election,
                OutboxRelay relay,
                MessagingSchema schema,
                RelaySettings settings,
                MeterRegistry meters) {
            Gauge.builder("outbox.relay.slot.lag.bytes", schema.slot(), slot -> {
                        Long lag = slot.lagBytes();
                        return lag == null ? Double.NaN : lag;
                    })
                    .description("WAL bytes written since the relay's last confirmed position")
                    .register(meters);
            return new OutboxRelayHealthIndicator(election, relay, schema.slot(), settings.stallTimeout());
        }
    }

    private static String slotName(MessagingProperties properties, String application) {
        String configured = properties.relay().slotName();
        return configured != null
                ? configured
                : "outbox_" + application.toLowerCase().replaceAll("[^a-z0-9_]", "_");
    }
}
