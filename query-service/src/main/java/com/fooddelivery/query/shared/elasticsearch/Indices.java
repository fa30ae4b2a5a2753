package com.fooddelivery.query.shared.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Names of this service's indices. Readers and writers use the alias; the versioned index behind it can be rebuilt
 * and swapped without downtime.
 *
 * @param indexPrefix prefix of every index and alias (empty in production; unique per test run)
 */
@ConfigurationProperties("query")
public record Indices(@DefaultValue("") String indexPrefix) {

    public String alias(String name) {
        return indexPrefix + name;
    }

    public String index(String name, int version) {
        return indexPrefix + name + "-v" + version;
    }
}
