package com.fooddelivery.messaging.outbox;

/** A message on its way to {@code topic}, partitioned by {@code key}; {@code payload} is serialized to JSON. */
public record OutboxMessage(String topic, String key, String type, int schemaVersion, Object payload) {}
