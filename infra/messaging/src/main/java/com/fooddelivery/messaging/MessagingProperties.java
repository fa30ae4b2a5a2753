package com.fooddelivery.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code messaging.*}: the outbox relay, the topics this service declares, the inbox, and how listeners retry.
 */
@ConfigurationProperties("messaging")
public record MessagingProperties(
        @DefaultValue Relay relay,
        @DefaultValue Topics topics,
        @DefaultValue Inbox inbox,
        @DefaultValue Retry retry) {

    /**
     * @param slotName replication slot; unique per service database across the PostgreSQL cluster (defaults to
     *     {@code outbox_<spring.application.name>})
     * @param pollInterval how often Debezium polls for WAL changes (latency of each hop)
     * @param offsetFlushInterval how often relayed positions are saved (what a crash may send twice)
     * @param sendTimeout how long one attempt to hand a record to the producer may block (fetching metadata, a full
     *     buffer); the relay tries again, in order, until Kafka takes it or the relay stops
     * @param stallTimeout how long the leader may go without relaying (changes wait, nothing acknowledged, or the
     *     engine will not run) before its health is DOWN and it resigns, so a standby may try
     * @param restartBackoff first delay between starts of a failed engine; doubles up to maxRestartBackoff
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            String slotName,
            @DefaultValue("50ms") Duration pollInterval,
            @DefaultValue("1s") Duration offsetFlushInterval,
            @DefaultValue("2s") Duration leaderCheckInterval,
            @DefaultValue("15s") Duration sendTimeout,
            @DefaultValue("30s") Duration stallTimeout,
            @DefaultValue("1s") Duration restartBackoff,
            @DefaultValue("10s") Duration maxRestartBackoff) {}

    public record Topics(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicas) {}

    /** @param retention how long a processed message id is remembered to recognise a duplicate */
    public record Inbox(
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration pruneInterval) {}

    /**
     * How a listener retries (see {@link com.fooddelivery.messaging.consumer.ConsumerErrorHandler}): a transient
     * failure with exponential backoff from {@code initialInterval} up to {@code maxInterval}, without end; a permanent
     * one {@code permanentRetries} times, {@code permanentInterval} apart, before it is answered or dead-lettered.
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval,
            @DefaultValue("1s") Duration permanentInterval,
            @DefaultValue("2") int permanentRetries) {}
}
