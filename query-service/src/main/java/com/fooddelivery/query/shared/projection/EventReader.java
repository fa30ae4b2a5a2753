package com.fooddelivery.query.shared.projection;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads an integration event by its {@code type} header, as the record class the message catalog names. */
@Component
public class EventReader {

    private final JsonMapper json;

    EventReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The event, if its type is one of {@code family}; empty for a known type this projection does not use (other
     * messages share the topic). Throws {@link UnprojectableException} for a missing or unknown type, an empty or
     * unreadable payload.
     */
    public <T> Optional<T> read(ConsumerRecord<String, String> record, Class<T> family) {
        Header typeHeader = record.headers().lastHeader(MessageHeaders.TYPE);
        if (typeHeader == null) {
            throw new UnprojectableException("no " + MessageHeaders.TYPE + " header");
        }
        String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
        Class<?> messageClass = MessageCatalog.byType(type)
                .map(MessageCatalog.Entry::javaType)
                .orElseThrow(() -> new UnprojectableException("unknown message type " + type));
        if (!family.isAssignableFrom(messageClass)) {
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new UnprojectableException("empty " + type);
        }
        Object event;
        try {
            event = json.readValue(record.value(), messageClass);
        } catch (JacksonException e) {
            throw new UnprojectableException("unreadable " + type + ": " + e.getOriginalMessage());
        }
        if (event == null) {
            throw new UnprojectableException("a JSON null instead of " + type);
        }
        return Optional.of(family.cast(event));
    }
}
