package com.fooddelivery.idempotency;

/** Proof that the {@code idempotency_key} table exists; the store depends on it. */
public record IdempotencySchema() {}
