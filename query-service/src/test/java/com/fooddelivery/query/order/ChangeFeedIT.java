package com.fooddelivery.query.order;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.QueryServiceTests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.query.order.projection.OrderProjection;
import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import com.fooddelivery.query.shared.projection.ChangeFeed;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A long-poll on one instance wakes when another instance projected the order, through {@link ChangeFeed}, and only
 * then: a waiting request does not re-read on a timer. The other instance is played by the test: it writes the
 * order's next version into Elasticsearch and announces it on {@value ChangeFeed#TOPIC}, as a projector would.
 */
@ServiceIntegrationTest
class ChangeFeedIT {

    private static final String RUN = QueryServiceTests.newRun();
    private static final String ORDERS_PROJECTION = "orders-projection";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        QueryServiceTests.readWithOwnGroupAndIndices(registry, RUN);
    }

    @AfterAll
    static void dropIndices() {
        QueryServiceTests.deleteIndicesOf(RUN);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    IndexAdmin indices;

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        QueryServiceTests.awaitPartitions(listeners);
    }

    @Test
    void a_long_poll_wakes_when_another_instance_announces_its_write_and_not_before() throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));
        String etag =
                awaitStatus(orderId, "PENDING").headers().firstValue("ETag").orElseThrow();

        listeners.getListenerContainer(ORDERS_PROJECTION).stop(); // from now on, "another instance" projects orders
        try {
            CompletableFuture<HttpResponse<String>> poll = CompletableFuture.supplyAsync(
                    () -> read(orderId, "?waitSeconds=25", Map.of("If-None-Match", etag)));
            Thread.sleep(500);
            writeAsAnotherInstance(orderId, "PREPARING", 1);

            Thread.sleep(3_000);
            assertThat(poll)
                    .as("a write nobody announced is not noticed by re-reading: the wait goes on")
                    .isNotDone();

            long announced = System.nanoTime();
            KafkaProbe.publish(ChangeFeed.TOPIC, "another-instance", UUID.randomUUID() + "," + orderId, Map.of());
            HttpResponse<String> changed = poll.get(20, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - announced))
                    .as("answered on the announcement, not at the end of the wait")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(changed.body()).get("status").asString()).isEqualTo("PREPARING");
        } finally {
            listeners.getListenerContainer(ORDERS_PROJECTION).start();
        }
    }

    @Test
    void every_projected_batch_is_announced_to_the_other_instances_with_its_order_ids() throws Exception {
        try (KafkaConsumer<String, String> feed = feedFromItsEnd()) {
            UUID orderId = UUID.randomUUID();
            QueryServiceTests.publish(orderId.toString(), OrderEvents.placed(orderId));

            List<ConsumerRecord<String, String>> announcements = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                feed.poll(Duration.ofMillis(500)).forEach(announcements::add);
                return announcements.stream()
                        .anyMatch(record -> List.of(record.value().split(",")).contains(orderId.toString()));
            });
            assertThat(announcements)
                    .as("keyed by the announcing instance")
                    .allSatisfy(record -> assertThat(record.key()).isNotBlank());
        }
    }

    /** Indexes the order at {@code sequence} in {@code status}, as a projector of another instance would. */
    @SuppressWarnings("unchecked")
    private void writeAsAnotherInstance(UUID orderId, String status, long sequence) throws Exception {
        String alias = indices.alias(OrderProjection.INDEX);
        Map<String, Object> document = new HashMap<>(elasticsearch
                .get(get -> get.index(alias).id(orderId.toString()), Map.class)
                .source());
        document.put("status", status);
        document.put("sequence", sequence);
        elasticsearch.index(index -> index.index(alias)
                .id(orderId.toString())
                .version(sequence)
                .versionType(VersionType.External)
                .document(document));
    }

    private static KafkaConsumer<String, String> feedFromItsEnd() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers()),
                new StringDeserializer(),
                new StringDeserializer());
        TopicPartition partition = new TopicPartition(ChangeFeed.TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition); // resolves the seek now, before the test publishes
        return consumer;
    }

    private HttpResponse<String> awaitStatus(UUID orderId, String status) {
        List<HttpResponse<String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = read(orderId, "", Map.of());
                    if (response.statusCode() == 200
                            && JSON.readTree(response.body())
                                    .get("status")
                                    .asString()
                                    .equals(status)) {
                        found.add(response);
                        return true;
                    }
                    return false;
                });
        return found.getFirst();
    }

    private HttpResponse<String> read(UUID orderId, String query, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(authorization(TestTokens.customer(OrderEvents.CUSTOMER)));
        all.putAll(headers);
        return QueryServiceTests.get(port, "/orders/" + orderId + query, all);
    }
}
