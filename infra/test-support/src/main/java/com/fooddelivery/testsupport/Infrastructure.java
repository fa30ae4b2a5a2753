package com.fooddelivery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * Real PostgreSQL, Kafka and Elasticsearch for integration tests, shared by every test in the JVM. Choose with the
 * system property {@code infra.mode}: {@code local} (default) uses the servers of {@code infra/local/up}, starting
 * them if they are not running; {@code testcontainers} starts containers and needs a Docker engine.
 */
public final class Infrastructure {

    /** Owner of every service database; has the REPLICATION attribute the outbox relay needs. */
    public static final String APP_USER = "fooddelivery";

    public static final String APP_PASSWORD = "fooddelivery";

    private static Infrastructure instance;

    private final String postgresHost;
    private final int postgresPort;
    private final String adminUser;
    private final String adminPassword;
    private final String kafkaBootstrapServers;
    private final String elasticsearchUrl;

    Infrastructure(
            String postgresHost,
            int postgresPort,
            String adminUser,
            String adminPassword,
            String kafkaBootstrapServers,
            String elasticsearchUrl) {
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = "testcontainers".equals(System.getProperty("infra.mode", "local"))
                    ? ContainerInfrastructure.start()
                    : LocalInfrastructure.ensureRunning();
            instance.dropAbandonedTestDatabases();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String elasticsearchUrl() {
        return elasticsearchUrl;
    }

    /**
     * Deletes every Elasticsearch index whose name starts with {@code prefix} (a test run's own), by name:
     * Elasticsearch refuses wildcard deletes.
     */
    public void deleteIndices(String prefix) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String names = http.send(
                            HttpRequest.newBuilder(
                                            URI.create(elasticsearchUrl() + "/_cat/indices/" + prefix + "*?h=index"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (String index : names.strip().split("\\s+")) {
                if (!index.isEmpty()) {
                    http.send(
                            HttpRequest.newBuilder(URI.create(elasticsearchUrl() + "/" + index))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh, empty database for one test class; {@link TestDatabase#close()} drops it with its slots. */
    public TestDatabase newDatabase(String purpose) {
        // The creation time in the name lets a later run drop databases a killed run left behind.
        String name = "it_%d_%s_%s"
                .formatted(
                        Instant.now().getEpochSecond(),
                        purpose.toLowerCase().replaceAll("[^a-z0-9]", ""),
                        UUID.randomUUID().toString().substring(0, 8));
        admin("create database " + name + " owner " + APP_USER);
        return new TestDatabase(this, name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(postgresHost, postgresPort, database);
    }

    void dropDatabase(String name) {
        admin("select pg_terminate_backend(active_pid) from pg_replication_slots" + " where database = '" + name
                + "' and active_pid is not null");
        admin("select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = '" + name + "'");
        admin("drop database if exists " + name + " with (force)");
    }

    private void dropAbandonedTestDatabases() {
        long dayAgo = Instant.now().getEpochSecond() - 24 * 3600;
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement();
                var names = statement.executeQuery("select datname from pg_database where datname like 'it\\_%'")) {
            var abandoned = new java.util.ArrayList<String>();
            while (names.next()) {
                String[] parts = names.getString(1).split("_");
                if (parts.length > 1 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < dayAgo) {
                    abandoned.add(names.getString(1));
                }
            }
            abandoned.forEach(this::dropDatabase);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void admin(String sql) {
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
    }
}
