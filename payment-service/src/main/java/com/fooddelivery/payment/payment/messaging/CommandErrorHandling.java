package com.fooddelivery.payment.payment.messaging;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.messaging.MessagingProperties;
import com.fooddelivery.messaging.inbox.MalformedMessageException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when handling a command fails. A message that can never be handled (malformed, unknown type, invalid
 * field) goes at once to {@value #DEAD_LETTERS}, with spring-kafka's exception headers, so it does not block the
 * partition. Anything else (database or provider unavailable) is retried with exponential backoff, without end: the
 * partition waits rather than skip a payment command.
 */
@Configuration(proxyBeanMethods = false)
class CommandErrorHandling {

    static final String DEAD_LETTERS = Topics.PAYMENTS_COMMANDS + ".DLT";

    @Bean
    KafkaAdmin.NewTopics paymentCommandDeadLetters(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(DEAD_LETTERS)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build());
    }

    @Bean
    DefaultErrorHandler commandErrorHandler(KafkaTemplate<String, String> kafka) {
        // Partition -1: the producer picks it from the key, whatever the dead-letter topic's partition count.
        DeadLetterPublishingRecoverer deadLetters =
                new DeadLetterPublishingRecoverer(kafka, (record, e) -> new TopicPartition(DEAD_LETTERS, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(
                MalformedMessageException.class, UnknownMessageTypeException.class, IllegalArgumentException.class);
        return handler;
    }
}
