package com.fooddelivery.query;

import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.TestConsumerGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What query-service's integration tests share. Each test class is a run with an id of its own ({@link #newRun()}):
 * the service under test reads the shared topics with the run's consumer group into the run's indices, so runs on the
 * same Kafka and Elasticsearch never see each other's state. Events are published as the services publish them.
 */
public final class QueryServiceTests {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final HttpClient HTTP = HttpClient.newHttpClient();

    private QueryServiceTests() {}

    /** A new run id: short, so index names stay readable. */
    public static String newRun() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The consumer group the service under test reads with in {@code run}. */
    public static String consumerGroup(String run) {
        return "query-it-" + run;
    }

    /** The prefix of every index and alias of {@code run}. */
    public static String indexPrefix(String run) {
        return "it-" + run + "-";
    }

    /**
     * For a test class's {@code @DynamicPropertySource}: the run's consumer group and indices; the group starts at the
     * topics' current ends, so the service projects only what the test publishes, however late its consumers join.
     */
    public static void readWithOwnGroupAndIndices(DynamicPropertyRegistry registry, String run) {
        String group = TestConsumerGroups.startingNow(consumerGroup(run), Topics.ALL.toArray(String[]::new));
        registry.add("spring.kafka.consumer.group-id", () -> group);
        registry.add("query.index-prefix", () -> indexPrefix(run));
    }

    /** Waits until every listener of the service under test has its partitions: from then on it reads what is sent. */
    public static void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    /** Deletes the run's indices. */
    public static void deleteIndicesOf(String run) {
        deleteIndices(indexPrefix(run));
    }

    /** Deletes every index whose name starts with {@code prefix} (a test run's own). */
    public static void deleteIndices(String prefix) {
        Infrastructure.get().deleteIndices(prefix);
    }

    /** Publishes {@code event} on its catalog topic with the headers every producer sets; returns once stored. */
    public static RecordMetadata publish(String key, Object event) throws Exception {
        MessageCatalog.Entry entry = MessageCatalog.of(event.getClass());
        return send(
                entry.topic(),
                key,
                JSON.writeValueAsString(event),
                entry.type(),
                Integer.toString(entry.schemaVersion()));
    }

    /**
     * Publishes any {@code payload} (broken ones too) as a message of {@code type}, schema version 1, on {@code
     * topic}; returns once stored.
     */
    public static RecordMetadata publish(String topic, String key, String type, String payload) throws Exception {
        return send(topic, key, payload, type, "1");
    }

    private static RecordMetadata send(String topic, String key, String payload, String type, String schemaVersion)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        String conversation = UUID.randomUUID().toString();
        Map.of(
                        MessageHeaders.MESSAGE_ID,
                        UUID.randomUUID().toString(),
                        MessageHeaders.TYPE,
                        type,
                        MessageHeaders.SCHEMA_VERSION,
                        schemaVersion,
                        MessageHeaders.CORRELATION_ID,
                        conversation,
                        MessageHeaders.CAUSATION_ID,
                        conversation,
                        MessageHeaders.OCCURRED_AT,
                        Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Producer.INSTANCE.send(record).get();
    }

    /** Waits until the run's consumer group has committed past {@code record}: the projection has handled it. */
    public static void awaitConsumed(String run, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup(run))
                                .partitionsToOffsetAndMetadata()
                                .get()
                                .get(partition);
                        return committed != null && committed.offset() > record.offset();
                    });
        }
    }

    /**
     * The reasons of the first {@code expected} distinct messages with {@code key} parked from {@code topic}, by
     * message id: another consumer group on the same Kafka (a locally running query-service) may park the same
     * messages too.
     */
    public static List<String> deadLetterReasons(String topic, String key, int expected) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic + ".DLT"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        reasons.putIfAbsent(
                                KafkaProbe.header(record, MessageHeaders.MESSAGE_ID),
                                KafkaProbe.header(record, DeadLetters.REASON_HEADER));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return List.copyOf(reasons.values());
    }

    /** The {@code Authorization} header of a token from {@code TestTokens}. */
    public static Map<String, String> authorization(String bearer) {
        return Map.of(HttpHeaders.AUTHORIZATION, bearer);
    }

    /** A GET of the service under test at {@code port}. */
    public static HttpResponse<String> get(int port, String pathAndQuery, Map<String, String> headers) {
        return send(port, "GET", pathAndQuery, headers);
    }

    /** A request without a body to the service under test at {@code port}. */
    public static HttpResponse<String> send(int port, String method, String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(pathAndQuery, e);
        }
    }

    /** One producer for every test in the JVM, made when first used; its I/O thread does not keep the JVM alive. */
    private static final class Producer {

        static final KafkaProducer<String, String> INSTANCE = new KafkaProducer<>(
                Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer());

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> INSTANCE.close(Duration.ofSeconds(5))));
        }
    }
}
