package com.fooddelivery.messaging.relaytest;

import com.fooddelivery.messaging.inbox.IdempotentInbox;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal service using the messaging library: its relay streams the outbox, and its consumer records every
 * message it receives through the idempotent inbox. Run in-process, or as a child JVM that a test can kill -9.
 */
@SpringBootApplication
public class RelayTestApplication {

    public record Numbered(int seq) {}

    /** Every delivery Kafka made to the consumer, duplicates included. */
    public static final AtomicLong DELIVERIES = new AtomicLong();

    private final IdempotentInbox inbox;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RelayTestApplication(IdempotentInbox inbox, JdbcTemplate jdbc, JsonMapper json) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(
            topics = "${relay-test.topic}",
            groupId = "${relay-test.topic}-consumer",
            concurrency = "3",
            autoStartup = "${relay-test.consume:true}")
    void receive(ConsumerRecord<String, String> record) {
        DELIVERIES.incrementAndGet();
        inbox.receive(
                IncomingMessage.from(record),
                message -> jdbc.update(
                        "insert into received (message_id, message_key, seq) values (?, ?, ?)",
                        message.messageId(),
                        message.key(),
                        json.readValue(message.payload(), Numbered.class).seq()));
    }

    public static void main(String[] args) {
        SpringApplication.run(RelayTestApplication.class, args);
    }
}
