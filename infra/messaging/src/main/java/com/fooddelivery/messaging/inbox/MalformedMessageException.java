package com.fooddelivery.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that is not a well-formed integration message; retrying cannot help. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(ConsumerRecord<?, ?> record, String problem) {
        super("Malformed message at %s-%d@%d: %s"
                .formatted(record.topic(), record.partition(), record.offset(), problem));
    }
}
