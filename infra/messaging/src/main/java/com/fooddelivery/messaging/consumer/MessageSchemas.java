package com.fooddelivery.messaging.consumer;

import com.fooddelivery.contracts.MessageCatalog;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contracts' JSON Schemas, loaded once per message type: what a message must contain (required fields, formats,
 * ranges) is stated once, in the contract, instead of in a null check per listener.
 */
final class MessageSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<MessageCatalog.Entry, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** What is wrong with {@code json} as a message of {@code entry}'s type; empty if nothing is. */
    List<String> problems(MessageCatalog.Entry entry, String json) {
        return schemas.computeIfAbsent(entry, MessageSchemas::load).validate(json, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static JsonSchema load(MessageCatalog.Entry entry) {
        try (InputStream in = MessageCatalog.class.getResourceAsStream(entry.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema " + entry.schemaResource() + " for " + entry.type());
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
