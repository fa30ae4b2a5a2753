package com.fooddelivery.messaging.consumertest;

import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.messaging.consumer.MessageReader;
import com.fooddelivery.messaging.inbox.IdempotentInbox;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A minimal service whose listener uses the library's reader, inbox and error handler. It handles
 * {@link CapturePayment}s (its amount numbers the messages of a key, so tests see their order); before an attempt
 * succeeds, it throws the failures a test queued for the message's key, as a lost database or broken own state would.
 */
@SpringBootApplication
public class ConsumerTestApplication {

    /** Failures the next attempts at a key's messages throw, in order; an attempt with none left succeeds. */
    public static final Map<String, Queue<RuntimeException>> FAILURES = new ConcurrentHashMap<>();

    /** Attempts at each message's effect, by message id. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final MessageReader reader;
    private final IdempotentInbox inbox;
    private final JdbcTemplate jdbc;

    ConsumerTestApplication(MessageReader reader, IdempotentInbox inbox, JdbcTemplate jdbc) {
        this.reader = reader;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "${consumer-test.topic}", groupId = "${consumer-test.topic}-consumer")
    void receive(ConsumerRecord<String, String> record) {
        reader.read(record, List.of(CapturePayment.class))
                .ifPresent(read -> inbox.receive(read.envelope(), received -> {
                    ATTEMPTS.computeIfAbsent(received.messageId(), id -> new AtomicInteger())
                            .incrementAndGet();
                    Queue<RuntimeException> queued = FAILURES.get(received.key());
                    RuntimeException failure = queued == null ? null : queued.poll();
                    if (failure != null) {
                        throw failure;
                    }
                    jdbc.update(
                            "insert into received (message_id, message_key, seq) values (?, ?, ?)",
                            received.messageId(),
                            received.key(),
                            ((CapturePayment) read.payload()).amount().amountMinor());
                }));
    }
}
