package com.fooddelivery.messaging.consumer;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.MessagingAutoConfiguration;
import com.fooddelivery.messaging.MessagingProperties;
import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every listener of every service consumes: one {@link MessageReader}, one {@link ConsumerErrorHandler} (Boot's
 * listener container factory takes the single {@link CommonErrorHandler} bean), the dead-letter topics, and
 * {@code earliest} offsets. Needs only Kafka, so query-service (no database) uses it too; failure replies need the
 * outbox and inbox of {@link MessagingAutoConfiguration}.
 */
@AutoConfiguration(
        after = MessagingAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@EnableConfigurationProperties(MessagingProperties.class)
public class ConsumerAutoConfiguration {

    @Bean
    MessageReader messageReader(JsonMapper json) {
        return new MessageReader(json);
    }

    @Bean
    FailureClassifier failureClassifier(ObjectProvider<TransientExceptions> alsoTransient) {
        return new FailureClassifier(alsoTransient.getIfAvailable(() -> new TransientExceptions(List.of())));
    }

    /**
     * A new consumer group starts at the beginning of its topics. Kafka's default, {@code latest}, would skip every
     * command sent before a service first started (or before a new group's first poll); consumers are idempotent, so
     * reading from the beginning costs time, never correctness. Set here, for every consumer, not per service.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer earliestOffsetReset() {
        return factory -> factory.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    }

    /** The dead-letter topic of every integration topic. */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(name -> TopicBuilder.name(DeadLetters.topicFor(name))
                        .partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicas())
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** A service that declares its own {@link CommonErrorHandler} keeps it. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler consumerErrorHandler(
            KafkaTemplate<String, String> kafka,
            MeterRegistry meters,
            MessagingProperties properties,
            FailureClassifier classifier,
            MessageReader reader,
            ObjectProvider<FailureReplies> replies,
            ObjectProvider<ReplyOutbox> replyOutbox) {
        MessagingProperties.Retry retry = properties.retry();
        AnsweringRecoverer recoverer = new AnsweringRecoverer(
                classifier,
                reader,
                Optional.ofNullable(replies.getIfAvailable()),
                Optional.ofNullable(replyOutbox.getIfAvailable()),
                DeadLetters.recoverer(kafka, meters),
                meters);
        return ConsumerErrorHandler.create(
                classifier,
                recoverer,
                retry.initialInterval(),
                retry.multiplier(),
                retry.maxInterval(),
                retry.permanentInterval(),
                retry.permanentRetries());
    }

    /** Only services with a database (outbox and inbox) answer failed commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
    static class FailureReplyConfiguration {

        @Bean
        @ConditionalOnBean({FailureReplies.class, IdempotentInbox.class, Outbox.class})
        ReplyOutbox replyOutbox(IdempotentInbox inbox, Outbox outbox, Clock clock) {
            return (cause, reply) -> inbox.receive(
                    cause,
                    received -> outbox.send(received.key(), reply, clock.instant(), MessageContext.causedBy(received)));
        }
    }
}
