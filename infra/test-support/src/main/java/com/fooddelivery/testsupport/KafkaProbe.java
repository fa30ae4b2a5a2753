package com.fooddelivery.testsupport;

import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What tests see of the shared Kafka: the records of one key on a topic (read from the beginning with a group of
 * their own, so earlier runs' records are skipped by key, not by timing), and publishing as another service would.
 */
public final class KafkaProbe {

    private static final Duration AT_MOST = Duration.ofSeconds(60);

    private KafkaProbe() {}

    /** The first {@code expected} records with {@code key} on {@code topic}, in topic order. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(AT_MOST).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
            return found.subList(0, expected);
        }
    }

    /** The message types of the first {@code expected} records with {@code key} on {@code topic}. */
    public static List<String> awaitTypes(String topic, String key, int expected) {
        return awaitRecords(topic, key, expected).stream()
                .map(record -> header(record, MessageHeaders.TYPE))
                .toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Publishes a value with the given headers, waiting for Kafka's acknowledgement. */
    public static void publish(String topic, String key, String value, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }
}
