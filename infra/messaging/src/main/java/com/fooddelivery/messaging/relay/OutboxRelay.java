package com.fooddelivery.messaging.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams outbox inserts from the WAL to Kafka with an embedded Debezium engine. A batch is marked processed only
 * after Kafka acknowledged every record in it, so a crash can only cause redelivery, never loss. The topic is the
 * row's aggregate_type, the key its aggregate_id, the value its payload and the headers its headers.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final RelaySettings settings;
    private final Supplier<Producer<String, String>> producers;
    private final JsonMapper json;
    private final Counter relayed;

    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ExecutorService thread;
    private Producer<String, String> producer;
    private volatile boolean engineRunning;
    private volatile Instant lastRelayedAt;

    public OutboxRelay(
            RelaySettings settings,
            Supplier<Producer<String, String>> producers,
            JsonMapper json,
            MeterRegistry meters) {
        this.settings = settings;
        this.producers = producers;
        this.json = json;
        this.relayed = Counter.builder("outbox.relay.messages")
                .description("Outbox messages acknowledged by Kafka")
                .register(meters);
    }

    public synchronized void start() {
        if (engine != null) {
            return;
        }
        producer = producers.get();
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(settings.debeziumProperties())
                .using((success, message, error) -> {
                    engineRunning = false;
                    if (success) {
                        log.info("Outbox relay stopped: {}", message);
                    } else {
                        log.warn("Outbox relay failed: {}", message, error);
                    }
                })
                .notifying(this::relay)
                .build();
        thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "outbox-relay-" + settings.name()));
        engineRunning = true;
        thread.execute(engine);
        log.info("Outbox relay started on slot {}", settings.slotName());
    }

    /** Closes the engine (which flushes its offsets) and the producer, each within a bounded time. */
    public synchronized void stop() {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (IOException e) {
            log.warn("Closing the Debezium engine failed", e);
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        engine = null;
        engineRunning = false;
    }

    /** True while the engine streams; false after it stopped or failed (the leader election restarts it). */
    public boolean isRunning() {
        return engine != null && engineRunning;
    }

    public Instant lastRelayedAt() {
        return lastRelayedAt;
    }

    private void relay(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            ProducerRecord<String, String> record = toKafkaRecord(event.record());
            if (record != null) {
                acks.add(producer.send(record));
            }
        }
        awaitAcks(acks);
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        if (!acks.isEmpty()) {
            relayed.increment(acks.size());
            lastRelayedAt = Instant.now();
        }
    }

    /** Throwing here stops the engine without committing the batch; it is relayed again after the restart. */
    private void awaitAcks(List<Future<RecordMetadata>> acks) throws InterruptedException {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox message", e);
            }
        }
    }

    /** Null for anything but an outbox insert (heartbeats, other operations). */
    private ProducerRecord<String, String> toKafkaRecord(SourceRecord source) {
        if (!(source.value() instanceof Struct change)
                || change.schema().field("op") == null
                || !"c".equals(change.getString("op"))) {
            return null;
        }
        Struct row = change.getStruct("after");
        ProducerRecord<String, String> record = new ProducerRecord<>(
                row.getString("aggregate_type"), row.getString("aggregate_id"), row.getString("payload"));
        json.readValue(row.getString("headers"), HEADERS)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
