package com.fooddelivery.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.consumertest.ConsumerTestApplication;
import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
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
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's consumer mechanism on real PostgreSQL and Kafka: what can never be read goes at once to
 * {@code <topic>.DLT} with its reason; an outage is waited out however long it lasts; a message whose handling keeps
 * failing is dead-lettered after a few attempts; and none of them holds up what follows on its key.
 */
class ConsumerFailuresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PERMANENT_RETRIES = 2;

    private static TestDatabase database;
    private static String topic;
    private static ConfigurableApplicationContext context;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        topic = "consumer-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(topic, 3, (short) 1), new NewTopic(DeadLetters.topicFor(topic), 1, (short) 1)))
                    .all()
                    .get();
        }
        database = Infrastructure.get().newDatabase("consumer");
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("messaging.relay.enabled", "false");
        properties.put("consumer-test.topic", topic);
        properties.put("messaging.retry.initial-interval", "50ms");
        properties.put("messaging.retry.max-interval", "200ms");
        properties.put("messaging.retry.permanent-interval", "100ms");
        properties.put("messaging.retry.permanent-retries", Integer.toString(PERMANENT_RETRIES));
        context = new SpringApplicationBuilder(ConsumerTestApplication.class)
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
    void unreadable_messages_are_dead_lettered_at_once_with_their_reason_and_the_next_on_their_key_is_handled()
            throws Exception {
        String key = UUID.randomUUID().toString();
        String first = capture(key, 1);
        String second = capture(key, 2);
        String withoutAmount = first.replaceAll(",?\"amount\":\\{[^}]*\\}", "");

        send(key, first, Map.of(MessageHeaders.TYPE, "CapturePayment")); // no messageId, nothing else
        send(key, "{}", headers("IssueVoucher"));
        send(key, "{not json", headers("CapturePayment"));
        send(key, withoutAmount, headers("CapturePayment"));
        send(key, second, headers("CapturePayment"));

        await().atMost(WAIT).until(() -> seqsReceived(key).equals(List.of(2L)));
        List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(key, 4);
        assertThat(deadLetters)
                .extracting(ConsumerRecord::value)
                .containsExactly(first, "{}", "{not json", withoutAmount);
        assertThat(deadLetters)
                .extracting(letter -> header(letter, DeadLetters.REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason)
                                .startsWith("MalformedMessageException")
                                .contains("missing header " + MessageHeaders.MESSAGE_ID),
                        reason -> assertThat(reason)
                                .startsWith("UnknownMessageTypeException")
                                .contains("IssueVoucher"),
                        reason -> assertThat(reason).contains("unreadable CapturePayment"),
                        reason -> assertThat(reason)
                                .contains("invalid CapturePayment")
                                .contains("amount"));
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(letter.headers().lastHeader("kafka_dlt-original-partition"))
                    .isNotNull();
            assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            assertThat(letter.key()).isEqualTo(key);
        });
        assertThat(header(deadLetters.get(1), MessageHeaders.TYPE))
                .as("original headers kept")
                .isEqualTo("IssueVoucher");
        assertThat(deadLetterCount()).isGreaterThanOrEqualTo(4.0);
    }

    @Test
    void a_lost_database_connection_is_retried_past_any_attempt_limit_until_it_comes_back_and_never_dead_lettered()
            throws Exception {
        String key = UUID.randomUUID().toString();
        int outage = 4 * (PERMANENT_RETRIES + 1);
        fail(
                key,
                IntStream.range(0, outage)
                        .mapToObj(attempt -> (RuntimeException) new CannotGetJdbcConnectionException(
                                "Failed to obtain JDBC Connection",
                                new SQLTransientConnectionException("Connection is not available", "08001")))
                        .toList());
        Map<String, String> first = headers("CapturePayment");

        send(key, capture(key, 1), first);
        send(key, capture(key, 2), headers("CapturePayment"));

        await().atMost(WAIT).until(() -> seqsReceived(key).equals(List.of(1L, 2L)));
        assertThat(attempts(first)).isEqualTo(outage + 1);
        assertThat(deadLettersFor(key, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void a_message_whose_handling_keeps_failing_is_dead_lettered_after_bounded_retries_and_the_next_is_handled()
            throws Exception {
        String key = UUID.randomUUID().toString();
        fail(
                key,
                IntStream.range(0, PERMANENT_RETRIES + 1)
                        .mapToObj(attempt -> (RuntimeException) new IllegalStateException("a courier with no name"))
                        .toList());
        Map<String, String> failing = headers("CapturePayment");

        send(key, capture(key, 1), failing);
        send(key, capture(key, 2), headers("CapturePayment"));

        await().atMost(WAIT).until(() -> seqsReceived(key).equals(List.of(2L)));
        assertThat(attempts(failing)).isEqualTo(PERMANENT_RETRIES + 1);
        assertThat(awaitDeadLetters(key, 1))
                .extracting(letter -> header(letter, DeadLetters.REASON_HEADER))
                .containsExactly("IllegalStateException: a courier with no name");
    }

    @Test
    void a_jackson_exception_from_the_services_own_state_is_a_failure_to_retry_not_a_bad_message() throws Exception {
        String key = UUID.randomUUID().toString();
        fail(key, List.of(ownStateUnreadable(), ownStateUnreadable()));
        Map<String, String> valid = headers("CapturePayment");

        send(key, capture(key, 1), valid);

        await().atMost(WAIT).until(() -> seqsReceived(key).equals(List.of(1L)));
        assertThat(attempts(valid)).isEqualTo(3);
        assertThat(deadLettersFor(key, Duration.ofSeconds(3))).isEmpty();
    }

    // --- helpers

    /** The exception Jackson throws when a document the service stored itself cannot be read back. */
    private static RuntimeException ownStateUnreadable() {
        try {
            JSON.readTree("{\"stored\": ");
            throw new AssertionError("expected a Jackson exception");
        } catch (JacksonException e) {
            return e;
        }
    }

    private static void fail(String key, List<RuntimeException> failures) {
        ConsumerTestApplication.FAILURES.put(key, new ConcurrentLinkedQueue<>(failures));
    }

    private static int attempts(Map<String, String> headers) {
        return ConsumerTestApplication.ATTEMPTS
                .get(UUID.fromString(headers.get(MessageHeaders.MESSAGE_ID)))
                .get();
    }

    private static String capture(String key, long seq) throws Exception {
        return JSON.writeValueAsString(
                new CapturePayment(UUID.nameUUIDFromBytes(key.getBytes()), new Money(seq, "INR")));
    }

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

    private static List<Long> seqsReceived(String key) {
        return context.getBean(JdbcTemplate.class)
                .queryForList("select seq from received where message_key = ? order by receipt", Long.class, key);
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
                        "consumer-it-reader-" + UUID.randomUUID(),
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
