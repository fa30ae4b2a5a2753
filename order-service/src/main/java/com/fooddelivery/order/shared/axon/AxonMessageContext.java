package com.fooddelivery.order.shared.axon;

import com.fooddelivery.messaging.MessageContext;
import java.util.UUID;
import org.axonframework.messaging.Message;

/**
 * The integration-message context of an Axon message: Axon's {@code traceId} is the root of the conversation (our
 * correlation id) and its {@code correlationId} the message that caused this one (our causation id).
 */
public final class AxonMessageContext {

    private AxonMessageContext() {}

    public static MessageContext of(Message<?> message) {
        UUID root = uuid(message.getMetaData().get("traceId"), message.getIdentifier());
        UUID cause = uuid(message.getMetaData().get("correlationId"), message.getIdentifier());
        Object traceparent = message.getMetaData().get(AxonConfiguration.TRACEPARENT);
        return new MessageContext(
                root, cause, traceparent != null ? traceparent.toString() : MessageContext.newTraceparent());
    }

    private static UUID uuid(Object value, String fallback) {
        return UUID.fromString(value != null ? value.toString() : fallback);
    }
}
