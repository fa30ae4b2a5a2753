package com.fooddelivery.messaging.outbox;

import com.fooddelivery.messaging.MessageContext;
import java.time.Instant;
import java.util.UUID;

/** Sends integration messages as part of the current transaction (see {@link OutboxWriter}). */
public interface Outbox {

    /**
     * Sends an integration message from {@code contracts} to its topic, keyed by {@code key}.
     *
     * @return the new message's id
     */
    UUID send(String key, Object message, Instant occurredAt, MessageContext context);
}
