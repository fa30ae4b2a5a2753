package com.fooddelivery.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same servers as Docker containers, for machines with a Docker engine ({@code -Dinfra.mode=testcontainers}). */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {}

    @SuppressWarnings("resource") // shared by the whole JVM; Testcontainers' reaper removes them at exit
    static Infrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15")
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=32");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                        "docker.elastic.co/elasticsearch/elasticsearch:9.2.8")
                .withEnv("xpack.security.enabled", "false");
        postgres.start();
        kafka.start();
        elasticsearch.start();
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), "postgres", "postgres");
                var statement = connection.createStatement()) {
            statement.execute("create role " + Infrastructure.APP_USER + " login createdb replication password '"
                    + Infrastructure.APP_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Infrastructure(
                postgres.getHost(),
                postgres.getMappedPort(5432),
                "postgres",
                "postgres",
                kafka.getBootstrapServers(),
                "http://" + elasticsearch.getHttpHostAddress());
    }
}
