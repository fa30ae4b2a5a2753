package com.fooddelivery.payment.payment.messaging;

/** A well-formed message of a type this listener does not handle; retrying cannot help. */
class UnknownMessageTypeException extends RuntimeException {

    UnknownMessageTypeException(String type, String topic) {
        super("No handler for message type " + type + " on " + topic);
    }
}
