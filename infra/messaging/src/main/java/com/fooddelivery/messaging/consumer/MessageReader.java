package com.fooddelivery.messaging.consumer;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.messaging.inbox.IncomingMessage;
import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way every listener reads an integration message: the headers every message carries, the type looked up in
 * the {@link MessageCatalog}, the payload checked against the type's JSON Schema and read as the catalog's record.
 * What fails here can never be handled, and is thrown as {@link MalformedMessageException} or
 * {@link UnknownMessageTypeException}, which the consumer error handler dead-letters at once. Nothing else throws
 * them, so a failure while handling a well-read message is never mistaken for a bad message.
 */
public class MessageReader {

    private final JsonMapper json;
    private final MessageSchemas schemas = new MessageSchemas();

    public MessageReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The message, if its type is one of {@code handled} (a class or a supertype of the catalog's record); empty for a
     * type of the catalog this listener does not use, without reading its payload (other consumers of the topic do).
     */
    public Optional<ReadMessage> read(ConsumerRecord<String, String> record, Collection<Class<?>> handled) {
        IncomingMessage envelope = IncomingMessage.from(record);
        MessageCatalog.Entry entry = MessageCatalog.byType(envelope.type())
                .orElseThrow(() -> new UnknownMessageTypeException(envelope.type(), record.topic()));
        if (handled.stream().noneMatch(type -> type.isAssignableFrom(entry.javaType()))) {
            return Optional.empty();
        }
        if (envelope.schemaVersion() != entry.schemaVersion()) {
            throw new MalformedMessageException(
                    record, "schema version " + envelope.schemaVersion() + " of " + entry.type() + " is not known");
        }
        if (envelope.payload() == null) {
            throw new MalformedMessageException(record, "empty " + entry.type());
        }
        List<String> problems;
        try {
            problems = schemas.problems(entry, envelope.payload());
        } catch (IllegalArgumentException unparsable) {
            // The validator's own JSON parser refuses the value before any rule is checked.
            throw new MalformedMessageException(record, "unreadable " + entry.type() + ": " + unparsable.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new MalformedMessageException(record, "invalid " + entry.type() + ": " + String.join("; ", problems));
        }
        try {
            return Optional.of(new ReadMessage(envelope, json.readValue(envelope.payload(), entry.javaType())));
        } catch (JacksonException e) {
            throw new MalformedMessageException(record, "unreadable " + entry.type() + ": " + e.getOriginalMessage());
        }
    }

    /** The message of any catalog type, for code that must answer whatever it was (failure replies). */
    public Optional<ReadMessage> readAny(ConsumerRecord<String, String> record) {
        return read(record, List.of(Object.class));
    }
}
