package com.fooddelivery.messaging.inbox;

/**
 * A well-formed message of a type its listener does not handle; retrying cannot help, so the messaging library's
 * error handler sends it to the dead-letter topic at once.
 */
public class UnknownMessageTypeException extends RuntimeException {

    public UnknownMessageTypeException(String type, String topic) {
        super("No handler for message type " + type + " on " + topic);
    }
}
