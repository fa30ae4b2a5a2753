package com.fooddelivery.messaging.deadlettertest;

import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal service whose listener relies on the library's error handler: it throws for what it cannot handle
 * (malformed, unknown type, unreadable JSON) and its effect fails the first {@code failFirst} attempts of a message,
 * as an unavailable database would.
 */
@SpringBootApplication
public class DeadLetterTestApplication {

    public static final String TYPE = "Numbered";

    public record Numbered(int seq, int failFirst) {}

    /** Attempts at each message's effect, by message id. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final IdempotentInbox inbox;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DeadLetterTestApplication(IdempotentInbox inbox, JdbcTemplate jdbc, JsonMapper json) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(topics = "${dead-letter-test.topic}", groupId = "${dead-letter-test.topic}-consumer")
    void receive(ConsumerRecord<String, String> record) {
        IncomingMessage message = IncomingMessage.from(record);
        if (!TYPE.equals(message.type())) {
            throw new UnknownMessageTypeException(message.type(), record.topic());
        }
        Numbered numbered = json.readValue(message.payload(), Numbered.class);
        inbox.receive(message, received -> {
            int attempt = ATTEMPTS.computeIfAbsent(received.messageId(), id -> new AtomicInteger())
                    .incrementAndGet();
            if (attempt <= numbered.failFirst()) {
                throw new IllegalStateException("database unavailable (attempt " + attempt + ")");
            }
            jdbc.update(
                    "insert into received (message_id, message_key, seq) values (?, ?, ?)",
                    received.messageId(),
                    received.key(),
                    numbered.seq());
        });
    }
}
