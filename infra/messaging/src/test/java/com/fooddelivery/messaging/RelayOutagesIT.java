package com.fooddelivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.messaging.relay.OutboxRelay;
import com.fooddelivery.messaging.relay.OutboxRelayHealthIndicator;
import com.fooddelivery.messaging.relay.RelayLeaderElection;
import com.fooddelivery.messaging.relaytest.NumberedStream;
import com.fooddelivery.messaging.relaytest.RelayProcess;
import com.fooddelivery.messaging.relaytest.RelayTestApplication;
import com.fooddelivery.testsupport.DedicatedKafka;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay heals itself, on real PostgreSQL and Kafka: through a Kafka outage in the middle of a stream, the loss of
 * its lock connection, the loss of its replication connection, and rows Kafka will never take. No JVM is restarted
 * for it to recover; the numbers each test logs are the figures of the issue that asked for it.
 */
class RelayOutagesIT {

    private static final Logger log = LoggerFactory.getLogger(RelayOutagesIT.class);
    /** The issue asks for two minutes; {@code -Drelay.outage=PT20S} for a quick local run. */
    private static final Duration KAFKA_OUTAGE = Duration.parse(System.getProperty("relay.outage", "PT2M"));

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);

    private TestDatabase database;
    private Map<String, String> properties;
    private NumberedStream stream;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void setUp() {
        database = Infrastructure.get().newDatabase("outage");
        properties = new HashMap<>(database.springProperties());
        String topic = "relay-outage-" + UUID.randomUUID();
        properties.put("relay-test.topic", topic);
        properties.put("messaging.relay.stall-timeout", STALL_TIMEOUT.toString());
        properties.put("messaging.relay.send-timeout", "5s");
        properties.put("messaging.relay.max-restart-backoff", "5s");
        stream = new NumberedStream(topic);
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        database.close();
    }

    @Test
    void a_kafka_outage_mid_stream_delays_messages_but_loses_none_and_needs_no_restart() throws Exception {
        try (DedicatedKafka kafka = DedicatedKafka.start("outage")) {
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            app = start(true, true);
            awaitStreaming();

            int half = NumberedStream.MESSAGES / 2;
            CompletableFuture<Void> firstHalf = CompletableFuture.runAsync(() -> stream.write(app, 0, half));
            await().atMost(Duration.ofMinutes(2)).until(() -> received() >= NumberedStream.MESSAGES / 10);
            kafka.stop();
            long receivedAtOutage = received();
            long outageStarted = System.nanoTime();

            firstHalf.join();
            // Written while Kafka is away, so changes certainly wait for it (the first half may be relayed already).
            stream.write(app, half, NumberedStream.MESSAGES);
            await().atMost(STALL_TIMEOUT.multipliedBy(3))
                    .untilAsserted(() -> assertThat(health().getStatus()).isEqualTo(Status.DOWN));
            assertThat(health().getDetails().get("reason")).asString().startsWith("nothing relayed for");
            Thread.sleep(Math.max(0, KAFKA_OUTAGE.toMillis() - (System.nanoTime() - outageStarted) / 1_000_000));

            kafka.start();
            long kafkaBack = System.nanoTime();
            NumberedStream.awaitAllReceived(app, Duration.ofMinutes(3));
            long recoveredMs = (System.nanoTime() - kafkaBack) / 1_000_000;
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(health().getStatus()).isEqualTo(Status.UP));

            double restarts = meters().counter("outbox.relay.restarts").count();
            double resignations = meters().counter("outbox.relay.resignations").count();
            log.info(
                    "Kafka outage of {} s after {} messages received: {} sent, {} received ({} deliveries), all received"
                            + " {} ms after Kafka returned; {} engine restarts, {} resignations, same JVM",
                    KAFKA_OUTAGE.toSeconds(),
                    receivedAtOutage,
                    NumberedStream.MESSAGES,
                    received(),
                    RelayTestApplication.DELIVERIES.get(),
                    recoveredMs,
                    restarts,
                    resignations);
            assertThat(receivedAtOutage).as("the outage began mid-stream").isLessThan(NumberedStream.MESSAGES);
            assertThat(resignations)
                    .as("the leader gave up the lead while it could not relay, and took it back")
                    .isPositive();
            NumberedStream.assertExactlyOnceInOrderPerKey(app);
        }
    }

    @Test
    void a_standby_takes_over_when_the_leaders_lock_connection_is_terminated_and_the_old_leader_stops()
            throws Exception {
        app = start(false, true);
        try (RelayProcess a = RelayProcess.start("lock-a", properties);
                RelayProcess b = RelayProcess.start("lock-b", properties)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> List.of(a.role(), b.role()).containsAll(List.of("leader", "standby")));
            RelayProcess leader = a.role().equals("leader") ? a : b;
            RelayProcess standby = leader == a ? b : a;

            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> stream.write(app));
            await().atMost(Duration.ofMinutes(2)).until(() -> received() >= NumberedStream.MESSAGES / 5);
            int terminated = jdbc().queryForObject(
                            "select count(pg_terminate_backend(pid)) from pg_locks"
                                    + " where locktype = 'advisory' and granted and database ="
                                    + " (select oid from pg_database where datname = current_database())",
                            Integer.class);
            long terminatedAt = System.nanoTime();
            assertThat(terminated).as("lock connections terminated").isEqualTo(1);

            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> standby.role().equals("leader"));
            long takeoverMs = (System.nanoTime() - terminatedAt) / 1_000_000;
            await().atMost(Duration.ofSeconds(30)).until(() -> leader.role().equals("standby"));
            writing.join();
            NumberedStream.awaitAllReceived(app, Duration.ofMinutes(3));
            log.info(
                    "Lock connection terminated: the standby streamed {} ms later; the old leader is a standby;"
                            + " {} received of {} ({} deliveries)",
                    takeoverMs,
                    received(),
                    NumberedStream.MESSAGES,
                    RelayTestApplication.DELIVERIES.get());
        }
        NumberedStream.assertExactlyOnceInOrderPerKey(app);
    }

    @Test
    void the_relay_resumes_after_its_replication_connection_is_terminated() {
        app = start(true, true);
        awaitStreaming();
        String slot = properties.get("messaging.relay.slot-name");

        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> stream.write(app));
        await().atMost(Duration.ofMinutes(2)).until(() -> received() >= NumberedStream.MESSAGES / 5);
        Integer terminated = jdbc().queryForObject(
                        "select count(pg_terminate_backend(active_pid)) from pg_replication_slots"
                                + " where slot_name = ? and active_pid is not null",
                        Integer.class,
                        slot);
        long terminatedAt = System.nanoTime();
        assertThat(terminated).as("replication connections terminated").isEqualTo(1);

        writing.join();
        NumberedStream.awaitAllReceived(app, Duration.ofMinutes(3));
        log.info(
                "Replication connection terminated: all {} received {} ms later ({} deliveries, {} engine restarts)",
                NumberedStream.MESSAGES,
                (System.nanoTime() - terminatedAt) / 1_000_000,
                RelayTestApplication.DELIVERIES.get(),
                meters().counter("outbox.relay.restarts").count());
        NumberedStream.assertExactlyOnceInOrderPerKey(app);
    }

    @Test
    void rows_kafka_will_never_take_go_to_the_dead_letter_topic_and_the_rows_after_them_flow() {
        app = start(true, true);
        awaitStreaming();
        String key = "poison-" + UUID.randomUUID();
        TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
        transaction.executeWithoutResult(status -> {
            // Headers that are not a map of names to texts: the relay cannot turn the row into a Kafka record.
            insertOutboxRow(key, "'{}'::jsonb", "'{\"message_id\": {\"not\": \"a text\"}}'::jsonb");
            // Larger than the producer's 1 MB request limit: Kafka refuses this record, and only this one.
            insertOutboxRow(key, "jsonb_build_object('filler', repeat('x', 2 * 1024 * 1024))", "'{}'::jsonb");
        });
        stream.write(app);

        NumberedStream.awaitAllReceived(app, Duration.ofMinutes(3));
        NumberedStream.assertExactlyOnceInOrderPerKey(app);
        List<ConsumerRecord<String, String>> deadLetters =
                KafkaProbe.awaitRecords(OutboxRelay.DEAD_LETTER_TOPIC, key, 2);
        assertThat(deadLetters)
                .extracting(record -> KafkaProbe.header(record, DeadLetters.REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("unreadable outbox row"),
                        reason -> assertThat(reason).contains("RecordTooLargeException"));
        assertThat(deadLetters.getFirst().value()).contains("\"aggregate_id\":\"" + key + "\"");
        assertThat(meters().counter(DeadLetters.COUNTER, "topic", properties.get("relay-test.topic"))
                        .count())
                .isEqualTo(2.0);
    }

    private void insertOutboxRow(String key, String payload, String headers) {
        app.getBean(JdbcTemplate.class)
                .update(
                        "insert into outbox (id, aggregate_type, aggregate_id, type, payload, headers, created_at)"
                                + " values (?, ?, ?, 'Numbered', " + payload + ", " + headers + ", now())",
                        UUID.randomUUID(),
                        properties.get("relay-test.topic"),
                        key);
        app.getBean(JdbcTemplate.class).update("delete from outbox where aggregate_id = ?", key);
    }

    private ConfigurableApplicationContext start(boolean withRelay, boolean consuming) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put("messaging.relay.enabled", Boolean.toString(withRelay));
        props.put("relay-test.consume", Boolean.toString(consuming));
        RelayTestApplication.DELIVERIES.set(0);
        return new SpringApplicationBuilder(RelayTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(props)
                .run();
    }

    private void awaitStreaming() {
        RelayLeaderElection election = app.getBean(RelayLeaderElection.class);
        OutboxRelay relay = app.getBean(OutboxRelay.class);
        await().atMost(Duration.ofMinutes(1)).until(() -> election.isLeader() && relay.isRunning());
    }

    private org.springframework.boot.health.contributor.Health health() {
        return app.getBean(OutboxRelayHealthIndicator.class).health();
    }

    private MeterRegistry meters() {
        return app.getBean(MeterRegistry.class);
    }

    private long received() {
        return NumberedStream.receivedCount(app);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(
                new DriverManagerDataSource(database.jdbcUrl(), Infrastructure.APP_USER, Infrastructure.APP_PASSWORD));
    }
}
