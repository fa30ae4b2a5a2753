package com.fooddelivery.messaging.outbox;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.messaging.MessageContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages to the outbox in the caller's transaction, so a message is sent if and only if the state change
 * that caused it commits. The row is deleted right away: the relay reads the insert from the WAL.
 */
public class OutboxWriter implements Outbox {

    private static final String INSERT = """
            insert into outbox (id, aggregate_type, aggregate_id, type, payload, headers, created_at)
            values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public UUID send(String key, Object message, Instant occurredAt, MessageContext context) {
        MessageCatalog.Entry entry = MessageCatalog.of(message.getClass());
        return send(
                new OutboxMessage(entry.topic(), key, entry.type(), entry.schemaVersion(), message),
                occurredAt,
                context);
    }

    /** Sends any message to any topic; {@link #send(String, Object, Instant, MessageContext)} is the usual way. */
    public UUID send(OutboxMessage message, Instant occurredAt, MessageContext context) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "The outbox must be written in the transaction of the state change it announces");
        }
        UUID messageId = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MessageHeaders.MESSAGE_ID, messageId.toString());
        headers.put(MessageHeaders.TYPE, message.type());
        headers.put(MessageHeaders.SCHEMA_VERSION, Integer.toString(message.schemaVersion()));
        headers.put(MessageHeaders.CORRELATION_ID, context.correlationId().toString());
        headers.put(MessageHeaders.CAUSATION_ID, context.causationId().toString());
        headers.put(MessageHeaders.TRACEPARENT, context.traceparent());
        headers.put(MessageHeaders.OCCURRED_AT, occurredAt.toString());

        jdbc.update(
                INSERT,
                messageId,
                message.topic(),
                message.key(),
                message.type(),
                json.writeValueAsString(message.payload()),
                json.writeValueAsString(headers),
                Timestamp.from(clock.instant()));
        jdbc.update("delete from outbox where id = ?", messageId);
        return messageId;
    }
}
