package com.fooddelivery.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** A database of its own for one test class, owned by {@link Infrastructure#APP_USER}. */
public final class TestDatabase implements AutoCloseable {

    private final Infrastructure infrastructure;
    private final String name;

    TestDatabase(Infrastructure infrastructure, String name) {
        this.infrastructure = infrastructure;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return infrastructure.jdbcUrl(name);
    }

    /**
     * Spring properties pointing a service at this database and the shared Kafka, with a replication slot of its own
     * (slot names are unique across the whole PostgreSQL cluster).
     */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", Infrastructure.APP_USER);
        properties.put("spring.datasource.password", Infrastructure.APP_PASSWORD);
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("messaging.relay.slot-name", "slot_" + name);
        return properties;
    }

    @Override
    public void close() {
        infrastructure.dropDatabase(name);
    }
}
