package com.fooddelivery.messaging.inbox;

import com.fooddelivery.contracts.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A message read from Kafka, with the headers every integration message carries. */
public record IncomingMessage(
        UUID messageId,
        String type,
        int schemaVersion,
        UUID correlationId,
        UUID causationId,
        String traceparent,
        Instant occurredAt,
        String key,
        String payload) {

    /**
     * @throws MalformedMessageException when a header every message must carry is missing or unreadable; such a
     *     message can never be processed and belongs in a dead-letter topic
     */
    public static IncomingMessage from(ConsumerRecord<String, String> record) {
        try {
            return new IncomingMessage(
                    UUID.fromString(required(record, MessageHeaders.MESSAGE_ID)),
                    required(record, MessageHeaders.TYPE),
                    Integer.parseInt(required(record, MessageHeaders.SCHEMA_VERSION)),
                    UUID.fromString(required(record, MessageHeaders.CORRELATION_ID)),
                    UUID.fromString(required(record, MessageHeaders.CAUSATION_ID)),
                    optional(record, MessageHeaders.TRACEPARENT),
                    Instant.parse(required(record, MessageHeaders.OCCURRED_AT)),
                    record.key(),
                    record.value());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedMessageException(record, e.getMessage());
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = optional(record, name);
        if (value == null) {
            throw new MalformedMessageException(record, "missing header " + name);
        }
        return value;
    }

    private static String optional(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
