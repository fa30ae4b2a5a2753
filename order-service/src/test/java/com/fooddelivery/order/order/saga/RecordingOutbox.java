package com.fooddelivery.order.order.saga;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An outbox that remembers what was sent, for tests of the saga's messages to other services. */
final class RecordingOutbox implements Outbox {

    record Sent(String key, Object message) {}

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public UUID send(String key, Object message, Instant occurredAt, MessageContext context) {
        sent.add(new Sent(key, message));
        return UUID.randomUUID();
    }

    List<Object> messages() {
        return sent.stream().map(Sent::message).toList();
    }

    List<String> keys() {
        return sent.stream().map(Sent::key).toList();
    }

    void clear() {
        sent.clear();
    }
}
