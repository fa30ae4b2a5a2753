package com.fooddelivery.query.shared.projection;

/** A document to index under {@code id} unless the index already holds {@code version} or a newer one. */
public record VersionedDocument(String id, long version, Object source) {}
