package com.fooddelivery.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * order-service reads only the replies its saga waits for: a bad reply is dead-lettered by it, a bad message meant
 * for others on the same topic (DeliveryUpdated, for the read model) is left to its own consumer, so it is not
 * dead-lettered a second time.
 */
@ServiceIntegrationTest
class ServiceRepliesIT {

    private static final String GROUP = "order-replies-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void ownReplyConsumer(DynamicPropertyRegistry registry) {
        registry.add("order.replies.group-id", () -> GROUP);
    }

    @Test
    void an_unreadable_reply_is_dead_lettered_by_order_service_and_an_unreadable_read_model_update_is_not()
            throws Exception {
        String order = UUID.randomUUID().toString();

        publish(Topics.DELIVERIES_EVENTS, order, "DeliveryUpdated");
        publish(Topics.DELIVERIES_EVENTS, order, "CourierAssigned");

        List<ConsumerRecord<String, String>> deadLetters = deadLettersOf(order, 1);
        assertThat(deadLetters)
                .extracting(letter -> KafkaProbe.header(letter, MessageHeaders.TYPE))
                .containsExactly("CourierAssigned");
        assertThat(KafkaProbe.header(deadLetters.getFirst(), DeadLetters.REASON_HEADER))
                .contains("unreadable CourierAssigned");
    }

    private static void publish(String topic, String key, String type) throws Exception {
        KafkaProbe.publish(
                topic,
                key,
                "{not json",
                Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, type,
                        MessageHeaders.SCHEMA_VERSION, "1",
                        MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.OCCURRED_AT, Instant.now().toString()));
    }

    /** This test's service's dead letters of {@code key}: at least {@code expected}, and whatever follows for 3 s. */
    private static List<ConsumerRecord<String, String>> deadLettersOf(String key, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "order-replies-it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DeadLetters.topicFor(Topics.DELIVERIES_EVENTS)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                poll(consumer, key, found);
                return found.size() >= expected;
            });
            long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < settle) {
                poll(consumer, key, found);
            }
        }
        return found;
    }

    private static void poll(
            KafkaConsumer<String, String> consumer, String key, List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            var group = record.headers().lastHeader("kafka_dlt-original-consumer-group");
            if (key.equals(record.key())
                    && group != null
                    && GROUP.equals(new String(group.value(), StandardCharsets.UTF_8))) {
                found.add(record);
            }
        }
    }
}
