package com.fooddelivery.query.shared.elasticsearch;

/**
 * An index this service owns. Reads and writes go through the alias {@code name}; behind it is one concrete index
 * created from the mapping file on the classpath. A rebuild fills a new concrete index and moves the alias to it.
 */
public record IndexDefinition(String name, String mappingResource) {}
