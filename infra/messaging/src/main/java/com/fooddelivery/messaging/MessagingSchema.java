package com.fooddelivery.messaging;

import com.fooddelivery.messaging.relay.ReplicationSlot;

/** Proof that the messaging tables and the replication slot exist; beans that write messages depend on it. */
public record MessagingSchema(ReplicationSlot slot) {}
