package com.fooddelivery.query.shared.projection;

import com.fooddelivery.messaging.MessagingProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Wakes the requests waiting for a document on every query-service instance, not only the one that projected it.
 * Each instance projects only its share of the integration topics' partitions, while a customer's long-poll may
 * land on any instance; without this, a waiter could only learn of another instance's write by re-reading
 * Elasticsearch on a timer, which made the read load grow with the number of waiting apps instead of with changes.
 *
 * <p>After each projected batch the writing instance wakes its own waiters at once and sends one small record to
 * {@value #TOPIC}, a topic of this service alone: the batch's document ids, comma-separated, keyed by the instance.
 * Every instance reads that topic from its end (manual assignment: nothing to rebalance; the offsets it commits
 * under the group {@code query-change-feed} are never read back) and wakes its
 * waiters for the ids another instance wrote. The record is sent after the write, so a woken request reads the new
 * document (Elasticsearch gets are real-time).
 *
 * <p>Best effort by design: a wake-up that is lost (Kafka unreachable, an instance restarting) only delays that
 * answer to the end of the request's wait, when it reads anyway.
 */
@Component
public class ChangeFeed {

    public static final String TOPIC = "query.changes";

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(30);

    /** Tells this instance's records from the others'. A restart is a new instance, which is what it is. */
    private final String instance = UUID.randomUUID().toString();

    private final Changes changes;
    private final KafkaTemplate<String, String> kafka;
    private final Counter sent;
    private final Counter unsent;
    private final Counter received;
    private final AtomicLong lastFailureLogged = new AtomicLong();

    ChangeFeed(Changes changes, KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.changes = changes;
        this.kafka = kafka;
        this.sent = feedCounter(meters, "query.change.feed.sent", "outcome", "sent");
        this.unsent = feedCounter(meters, "query.change.feed.sent", "outcome", "failed");
        this.received = Counter.builder("query.change.feed.received")
                .description("Ids written by another instance that woke this instance's waiters")
                .register(meters);
    }

    /** {@code ids} were just written here: wake the waiters of this instance now, and of the others through Kafka. */
    public void projected(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        changes.changed(ids);
        kafka.send(TOPIC, instance, String.join(",", ids)).whenComplete((result, failure) -> {
            if (failure == null) {
                sent.increment();
            } else {
                unsent.increment();
                logRarely(failure);
            }
        });
    }

    @KafkaListener(
            id = "query-change-feed",
            topicPartitions =
                    @TopicPartition(
                            topic = TOPIC,
                            partitionOffsets =
                                    @PartitionOffset(partition = "0", initialOffset = "0", seekPosition = "END")),
            batch = "true")
    void onChanges(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            if (!instance.equals(record.key())
                    && record.value() != null
                    && !record.value().isEmpty()) {
                List<String> ids = Arrays.asList(record.value().split(","));
                changes.changed(ids);
                received.increment(ids.size());
            }
        }
    }

    private void logRarely(Throwable failure) {
        long now = System.nanoTime();
        long last = lastFailureLogged.get();
        if (now - last > FAILURE_LOG_INTERVAL.toNanos() && lastFailureLogged.compareAndSet(last, now)) {
            log.warn(
                    "Could not tell the other instances of a change ({}); their waiters answer at the end of their"
                            + " wait instead (logged at most every {} s)",
                    failure.toString(),
                    FAILURE_LOG_INTERVAL.toSeconds());
        }
    }

    private static Counter feedCounter(MeterRegistry meters, String name, String tag, String value) {
        return Counter.builder(name)
                .description("Batches of written ids sent to the other instances, by outcome")
                .tag(tag, value)
                .register(meters);
    }

    @Configuration(proxyBeanMethods = false)
    static class Topic {

        /** One partition: the records are tiny and every instance reads all of them. An hour is plenty to keep. */
        @Bean
        KafkaAdmin.NewTopics changeFeedTopic(MessagingProperties properties) {
            return new KafkaAdmin.NewTopics(TopicBuilder.name(TOPIC)
                    .partitions(1)
                    .replicas(properties.topics().replicas())
                    .configs(Map.of(
                            TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(Duration.ofHours(1).toMillis())))
                    .build());
        }
    }
}
