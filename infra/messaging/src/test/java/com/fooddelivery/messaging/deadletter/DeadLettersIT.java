package com.fooddelivery.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.deadlettertest.DeadLetterTestApplication;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's error handler on real PostgreSQL and Kafka: what can never be handled goes to {@code <topic>.DLT}
 * with its reason and is counted, without holding up what follows on its key; a failing effect is retried until it
 * succeeds.
 */
class DeadLettersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static TestDatabase database;
    private static String topic;
    private static ConfigurableApplicationContext context;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        topic = "dead-letter-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(topic, 3, (short) 1), new NewTopic(DeadLetters.topicFor(topic), 1, (short) 1)))
                    .all()
                    .get();
        }
        database = Infrastructure.get().newDatabase("deadletters");
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("messaging.relay.enabled", "false");
        properties.put("dead-letter-test.topic", topic);
        context = new SpringApplicationBuilder(DeadLetterTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        context.close();
        database.close();
    }

    @Test
    void unhandleable_messages_are_dead_lettered_with_their_reason_and_the_next_on_their_key_is_still_handled()
            throws Exception {
        String key = UUID.randomUUID().toString();
        String first = JSON.writeValueAsString(new DeadLetterTestApplication.Numbered(1, 0));
        String second = JSON.writeValueAsString(new DeadLetterTestApplication.Numbered(2, 0));

        send(key, first, Map.of(MessageHeaders.TYPE, DeadLetterTestApplication.TYPE)); // no messageId, nothing else
        send(key, "{}", headers("RefundPayment"));
        send(key, "{not json", headers(DeadLetterTestApplication.TYPE));
        send(key, second, headers(DeadLetterTestApplication.TYPE));

        await().atMost(WAIT).until(() -> seqsReceived(key).equals(List.of(2)));
        List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(key, 3);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(first, "{}", "{not json");
        assertThat(deadLetters)
                .extracting(letter -> header(letter, DeadLetters.REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason)
                                .startsWith("MalformedMessageException")
                                .contains("missing header " + MessageHeaders.MESSAGE_ID),
                        reason -> assertThat(reason)
                                .startsWith("UnknownMessageTypeException")
                                .contains("RefundPayment"),
                        reason -> assertThat(reason).contains("Exception"));
        assertThat(header(deadLetters.get(2), DeadLetters.REASON_HEADER)).doesNotContain("ListenerExecutionFailed");
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(letter.headers().lastHeader("kafka_dlt-original-partition"))
                    .isNotNull();
            assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            assertThat(letter.key()).isEqualTo(key);
        });
        assertThat(header(deadLetters.get(1), MessageHeaders.TYPE))
                .as("original headers kept")
                .isEqualTo("RefundPayment");
        assertThat(deadLetterCount()).isEqualTo(3.0);
    }

    @Test
    void an_effect_that_fails_twice_is_retried_until_it_succeeds_and_is_not_dead_lettered() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, String> flaky = headers(DeadLetterTestApplication.TYPE);
        UUID flakyId = UUID.fromString(flaky.get(MessageHeaders.MESSAGE_ID));

        send(key, JSON.writeValueAsString(new DeadLetterTestApplication.Numbered(1, 2)), flaky);
        send(key, JSON.writeValueAsString(new DeadLetterTestApplication.Numbered(2, 0)), headers("Numbered"));

        await().atMost(WAIT).until(() -> seqsReceived(key).equals(List.of(1, 2)));
        assertThat(DeadLetterTestApplication.ATTEMPTS.get(flakyId)).hasValue(3);
        // Nothing for this key on the dead-letter topic, even after a moment more.
        assertThat(deadLettersFor(key, Duration.ofSeconds(3))).isEmpty();
    }

    // --- helpers

    private static Map<String, String> headers(String type) {
        UUID conversation = UUID.randomUUID();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString());
        values.put(MessageHeaders.TYPE, type);
        values.put(MessageHeaders.SCHEMA_VERSION, "1");
        values.put(MessageHeaders.CORRELATION_ID, conversation.toString());
        values.put(MessageHeaders.CAUSATION_ID, conversation.toString());
        values.put(MessageHeaders.TRACEPARENT, MessageContext.newTraceparent());
        values.put(MessageHeaders.OCCURRED_AT, Instant.now().toString());
        return values;
    }

    private static void send(String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private static List<Integer> seqsReceived(String key) {
        return context.getBean(JdbcTemplate.class)
                .queryForList("select seq from received where message_key = ? order by receipt", Integer.class, key);
    }

    private double deadLetterCount() {
        Counter counter = context.getBean(MeterRegistry.class)
                .find(DeadLetters.COUNTER)
                .tag("topic", topic)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = deadLetterConsumer()) {
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.stream().filter(r -> key.equals(r.key())).count() >= count;
            });
        }
        return found.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, String>> deadLettersFor(String key, Duration during) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = deadLetterConsumer()) {
            long until = System.nanoTime() + during.toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static KafkaConsumer<String, String> deadLetterConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dead-letter-it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(DeadLetters.topicFor(topic)));
        return consumer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
