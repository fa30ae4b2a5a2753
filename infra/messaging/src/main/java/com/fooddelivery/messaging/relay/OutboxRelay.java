package com.fooddelivery.messaging.relay;

import com.fooddelivery.messaging.deadletter.DeadLetters;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
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
 *
 * <p>A row that can never be relayed (unreadable, or refused by Kafka for itself: too large, an invalid topic) goes
 * to {@link #DEAD_LETTER_TOPIC} instead, so the rows after it flow. While Kafka is away the batch waits for it; any
 * other failure stops the engine without committing the batch, {@link RelayLeaderElection} starts it again, and the
 * batch is relayed again.
 *
 * <p>{@link #start()} and {@link #stop()} may be called in any state: a failed engine, one that never started, one
 * that is already closed.
 */
public class OutboxRelay {

    /** Where rows go that Kafka will never take; the relay's own dead-letter topic, for every service. */
    public static final String DEAD_LETTER_TOPIC = "outbox.DLT";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    /** Enough of a poison row for an operator to see what it was (the row itself is gone from the outbox). */
    private static final int DEAD_LETTER_VALUE_LIMIT = 64 * 1024;

    private static final Duration ACK_WAIT_SLICE = Duration.ofMillis(500);

    private final RelaySettings settings;
    private final Supplier<Producer<String, String>> producers;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter relayed;
    private final MeterRegistry meters;

    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ExecutorService thread;
    private Producer<String, String> producer;
    private volatile boolean engineRunning;
    /** Set by {@link #stop()}: a batch waiting for Kafka gives up, so the engine can close. */
    private volatile boolean stopRequested;

    private volatile Instant lastRelayedAt;
    private volatile String lastFailure;
    /** When changes began to wait without Kafka acknowledging anything since; null while nothing waits. */
    private volatile Instant waitingSince;
    /** Commit time of the oldest change read but not yet acknowledged; null while nothing waits. */
    private volatile Instant oldestUnrelayedCommit;

    public OutboxRelay(
            RelaySettings settings,
            Supplier<Producer<String, String>> producers,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.settings = settings;
        this.producers = producers;
        this.json = json;
        this.clock = clock;
        this.relayed = Counter.builder("outbox.relay.messages")
                .description("Outbox messages acknowledged by Kafka")
                .register(meters);
        this.meters = meters;
        Gauge.builder(
                        "outbox.relay.oldest.unrelayed.age",
                        this,
                        relay -> relay.oldestUnrelayedAge().toMillis() / 1000.0)
                .description("Seconds since the commit of the oldest outbox change read but not yet acknowledged")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Starts the engine unless one is running; a failure leaves nothing behind, so it can simply be called again. */
    public synchronized void start() {
        if (engine != null) {
            return;
        }
        stopRequested = false;
        try {
            producer = producers.get();
            engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(settings.debeziumProperties())
                    .using((success, message, error) -> {
                        engineRunning = false;
                        if (success) {
                            log.info("Outbox relay stopped: {}", message);
                        } else {
                            lastFailure = describe(message, error);
                            log.warn("Outbox relay failed: {}", message, error);
                        }
                    })
                    .notifying(this::relay)
                    .build();
            thread = Executors.newSingleThreadExecutor(
                    runnable -> new Thread(runnable, "outbox-relay-" + settings.name()));
            engineRunning = true;
            thread.execute(engine);
            log.info("Outbox relay started on slot {}", settings.slotName());
        } catch (RuntimeException e) {
            lastFailure = describe("the relay could not start", e);
            stop();
            throw e;
        }
    }

    /**
     * Closes the engine (which flushes its offsets) and the producer, each within a bounded time. Never throws: a
     * failed engine refuses to be closed again, and that must not stop anyone from starting a new one.
     */
    public synchronized void stop() {
        stopRequested = true;
        if (engine != null) {
            try {
                engine.close();
            } catch (Exception e) {
                log.debug("Closing the Debezium engine failed (it had stopped already?)", e);
            }
        }
        if (thread != null) {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                thread.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(10));
            } catch (Exception e) {
                log.debug("Closing the relay's Kafka producer failed", e);
            }
        }
        engine = null;
        thread = null;
        producer = null;
        engineRunning = false;
    }

    /** True while the engine streams; false after it stopped or failed (the leader election restarts it). */
    public boolean isRunning() {
        return engine != null && engineRunning;
    }

    public Instant lastRelayedAt() {
        return lastRelayedAt;
    }

    /** What last went wrong, for health and logs; null if nothing has. */
    public String lastFailure() {
        return lastFailure;
    }

    /** When changes began to wait with nothing acknowledged since; null while the relay keeps up. */
    public Instant waitingSince() {
        return waitingSince;
    }

    /** Another instance relays now: what this one saw waiting is no longer its to report. */
    public void forgetWaiting() {
        waitingSince = null;
        oldestUnrelayedCommit = null;
    }

    /** Zero while nothing waits. */
    public Duration oldestUnrelayedAge() {
        Instant oldest = oldestUnrelayedCommit;
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    private void relay(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Sent> sent = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            if (!(event.record().value() instanceof Struct change) || !isInsert(change)) {
                continue;
            }
            noteWaiting(change);
            Struct row = change.getStruct("after");
            ProducerRecord<String, String> record;
            try {
                record = toKafkaRecord(row);
            } catch (RuntimeException unreadable) {
                record = deadLetter(row, "unreadable outbox row: " + unreadable);
            }
            sent.add(new Sent(row, sendInOrder(record)));
        }
        awaitAcks(sent);
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        if (!sent.isEmpty()) {
            relayed.increment(sent.size());
            lastRelayedAt = clock.instant();
        }
        waitingSince = null;
        oldestUnrelayedCommit = null;
    }

    /**
     * Waits for Kafka to acknowledge every record, for as long as it takes: the producer retries each record in order
     * until Kafka is back, so an outage only delays the batch, and the rows after it keep their order. The wait ends
     * early only when the relay is stopped (the leader election stops a relay that has not relayed for its stall
     * timeout). A record Kafka refuses for itself goes to the dead-letter topic; any other error throws, which stops
     * the engine without committing the batch.
     */
    private void awaitAcks(List<Sent> sent) throws InterruptedException {
        for (Sent one : sent) {
            try {
                await(one.ack());
            } catch (ExecutionException e) {
                if (!isRefusedForItself(e.getCause())) {
                    throw new IllegalStateException("Kafka did not acknowledge an outbox message", e);
                }
                try {
                    await(producer.send(deadLetter(one.row(), "Kafka refused the message: " + e.getCause())));
                } catch (ExecutionException deadLetterRefused) {
                    throw new IllegalStateException("Kafka did not take a dead letter", deadLetterRefused);
                }
            }
        }
    }

    /** Waits in short slices, so a stop is noticed within one: an engine blocked in its consumer cannot be closed. */
    private void await(Future<RecordMetadata> ack) throws InterruptedException, ExecutionException {
        while (true) {
            try {
                ack.get(ACK_WAIT_SLICE.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (stopRequested) {
                    throw new IllegalStateException("The relay stopped while Kafka had not acknowledged a batch", e);
                }
            }
        }
    }

    /**
     * Hands {@code record} to the producer, which from then on retries it in order until Kafka takes it. A send can
     * also fail before it reaches the producer's queue: no metadata for the topic within {@code send-timeout}, as
     * with a producer started while Kafka is away, or a full buffer. Such a send is tried again here, as long as it
     * takes (the stall clock runs meanwhile): giving up on it would fail the batch after later records of it went
     * through, and the restarted engine would deliver it after them, out of order (RelayOutagesIT saw that).
     */
    private Future<RecordMetadata> sendInOrder(ProducerRecord<String, String> record) throws InterruptedException {
        while (true) {
            Future<RecordMetadata> ack = producer.send(record);
            if (!ack.isDone()) {
                return ack;
            }
            try {
                ack.get();
                return ack;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    return ack; // refused for the record itself, or fatal: awaitAcks decides
                }
                lastFailure = e.getCause().toString();
                if (stopRequested) {
                    throw new IllegalStateException("The relay stopped while Kafka could not take a record", e);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped while Kafka could not take a record");
                }
            }
        }
    }

    /** Errors about the record, not about Kafka: sending it again can never succeed. */
    private static boolean isRefusedForItself(Throwable error) {
        return error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException;
    }

    private static boolean isInsert(Struct change) {
        return change.schema().field("op") != null && "c".equals(change.getString("op"));
    }

    private void noteWaiting(Struct change) {
        if (waitingSince == null) {
            waitingSince = clock.instant();
        }
        if (oldestUnrelayedCommit == null) {
            Struct source = change.getStruct("source");
            Long committedAt = source == null ? null : source.getInt64("ts_ms");
            oldestUnrelayedCommit = committedAt == null ? clock.instant() : Instant.ofEpochMilli(committedAt);
        }
    }

    private ProducerRecord<String, String> toKafkaRecord(Struct row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                row.getString("aggregate_type"), row.getString("aggregate_id"), row.getString("payload"));
        json.readValue(row.getString("headers"), HEADERS)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The row as the outbox holds it (headers as text, since they may be what is wrong), with the reason. */
    private ProducerRecord<String, String> deadLetter(Struct row, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("id", "aggregate_type", "aggregate_id", "type", "headers", "payload")) {
            fields.put(field, row.schema().field(field) == null ? null : row.get(field));
        }
        // Counted and labelled like every consumer's dead letters (DeadLetters): one counter, one reason header.
        Counter.builder(DeadLetters.COUNTER)
                .description("Records sent to their topic's dead-letter topic")
                .tag("topic", String.valueOf(fields.get("aggregate_type")))
                .register(meters)
                .increment();
        String whole = json.writeValueAsString(fields);
        String value = whole.length() > DEAD_LETTER_VALUE_LIMIT ? whole.substring(0, DEAD_LETTER_VALUE_LIMIT) : whole;
        log.error(
                "Outbox row sent to {}: {}; row ({} of {} characters): {}",
                DEAD_LETTER_TOPIC,
                reason,
                value.length(),
                whole.length(),
                value);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(DEAD_LETTER_TOPIC, String.valueOf(fields.get("aggregate_id")), value);
        record.headers().add(DeadLetters.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String describe(String message, Throwable error) {
        return error == null ? message : message + ": " + error;
    }

    private record Sent(Struct row, Future<RecordMetadata> ack) {}
}
