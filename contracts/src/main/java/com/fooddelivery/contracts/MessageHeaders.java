package com.fooddelivery.contracts;

/** Kafka header names carried by every integration message. Values are UTF-8 strings. */
public final class MessageHeaders {

    /** UUID of this message; consumers deduplicate on it. */
    public static final String MESSAGE_ID = "messageId";
    /** Message type name, e.g. {@code OrderPlaced}: selects the record class in {@link MessageCatalog}. */
    public static final String TYPE = "type";

    public static final String SCHEMA_VERSION = "schemaVersion";
    /** Identifies the whole conversation (for an order: the request that placed it). */
    public static final String CORRELATION_ID = "correlationId";
    /** messageId of the message (or request) that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** W3C trace context, so a trace follows the order across services. */
    public static final String TRACEPARENT = "traceparent";
    /** ISO-8601 instant at which the business fact happened. */
    public static final String OCCURRED_AT = "occurredAt";

    private MessageHeaders() {}
}
