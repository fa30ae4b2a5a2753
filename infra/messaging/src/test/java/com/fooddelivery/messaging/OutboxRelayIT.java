package com.fooddelivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.messaging.outbox.OutboxMessage;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.messaging.relaytest.NumberedStream;
import com.fooddelivery.messaging.relaytest.RelayProcess;
import com.fooddelivery.messaging.relaytest.RelayTestApplication;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox → Debezium → Kafka → inbox path on real PostgreSQL and Kafka. */
class OutboxRelayIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayIT.class);
    private static final int MESSAGES = NumberedStream.MESSAGES;

    private TestDatabase database;
    private Map<String, String> properties;
    private ConfigurableApplicationContext consumer;

    @BeforeEach
    void setUp() {
        database = Infrastructure.get().newDatabase("relay");
        properties = new HashMap<>(database.springProperties());
        properties.put("relay-test.topic", "relay-it-" + UUID.randomUUID());
        RelayTestApplication.DELIVERIES.set(0);
    }

    @AfterEach
    void tearDown() {
        if (consumer != null) {
            consumer.close();
        }
        database.close();
    }

    @Test
    void delivers_ten_thousand_messages_exactly_once_and_in_order_per_key() {
        consumer = startInProcess(true);
        awaitLeader(consumer);

        long started = System.nanoTime();
        writeMessages(consumer);
        awaitAllReceived(Duration.ofMinutes(3));
        log.info(
                "Relayed and consumed {} messages in {} ms ({} Kafka deliveries)",
                MESSAGES,
                (System.nanoTime() - started) / 1_000_000,
                RelayTestApplication.DELIVERIES.get());

        assertExactlyOnceInOrderPerKey();
    }

    @Test
    void loses_nothing_when_the_relay_is_killed_mid_stream() throws Exception {
        consumer = startInProcess(false);
        try (RelayProcess first = RelayProcess.start("killed", properties)) {
            awaitRole(first, "leader");
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> writeMessages(consumer));
            await().atMost(Duration.ofMinutes(2)).until(() -> receivedCount() >= MESSAGES / 5);

            first.kill();
            long receivedAtKill = receivedCount();
            writing.join();
            assertThat(receivedAtKill).as("killed mid-stream").isLessThan(MESSAGES);

            try (RelayProcess second = RelayProcess.start("restarted", properties)) {
                awaitAllReceived(Duration.ofMinutes(3));
                log.info(
                        "kill -9 at {} received; {} Kafka deliveries for {} messages",
                        receivedAtKill,
                        RelayTestApplication.DELIVERIES.get(),
                        MESSAGES);
            }
        }
        assertExactlyOnceInOrderPerKey();
    }

    @Test
    void a_standby_relay_takes_over_when_the_leader_is_killed() throws Exception {
        consumer = startInProcess(false);
        try (RelayProcess a = RelayProcess.start("a", properties);
                RelayProcess b = RelayProcess.start("b", properties)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> List.of(a.role(), b.role()).containsAll(List.of("leader", "standby")));
            RelayProcess leader = a.role().equals("leader") ? a : b;
            RelayProcess standby = leader == a ? b : a;

            // Both stay in their roles: exactly one relay streams.
            Thread.sleep(3_000);
            assertThat(List.of(leader.role(), standby.role())).containsExactly("leader", "standby");

            leader.kill();
            long killedAt = System.nanoTime();
            awaitRole(standby, "leader");
            log.info("Standby took over {} ms after the leader was killed", (System.nanoTime() - killedAt) / 1_000_000);

            writeMessages(consumer);
            awaitAllReceived(Duration.ofMinutes(3));
        }
        assertExactlyOnceInOrderPerKey();
    }

    /**
     * Debezium can store an offset whose last change lies beyond the slot's confirmed position while its last commit
     * lies before it (a relay killed soon after a restart, or after keepalives moved the slot). Seeking the slot to
     * that commit is refused by PostgreSQL; the relay must start anyway and lose nothing.
     */
    @Test
    void resumes_from_an_offset_that_straddles_the_slot_position() {
        consumer = startInProcess(true);
        awaitLeader(consumer);
        String topic = properties.get("relay-test.topic");
        String slot = properties.get("messaging.relay.slot-name");
        sendOne(topic, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedCount() == 1);
        consumer.close();

        JdbcTemplate jdbc = new JdbcTemplate(
                new DriverManagerDataSource(database.jdbcUrl(), Infrastructure.APP_USER, Infrastructure.APP_PASSWORD));
        jdbc.execute("create table unrelated_writes (id bigserial primary key)");
        jdbc.update("insert into unrelated_writes select from generate_series(1, 100)");
        String slotPosition = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
        jdbc.update("insert into unrelated_writes select from generate_series(1, 100)");
        jdbc.queryForList("select pg_replication_slot_advance(?, ?::pg_lsn)", slot, slotPosition);
        // What Debezium stores after a restart until its next commit: the old commit and a later change position.
        int straddling = jdbc.update("""
                update relay_offsets set offset_val = (offset_val::jsonb || jsonb_build_object(
                  'lsn_commit', offset_val::jsonb -> 'lsn',
                  'lsn_proc', pg_current_wal_lsn() - '0/0',
                  'lsn', pg_current_wal_lsn() - '0/0'))::text
                where (offset_val::jsonb ->> 'lsn')::numeric < ?::pg_lsn - '0/0'""", slotPosition);
        assertThat(straddling)
                .as("stored offsets whose last commit precedes the slot")
                .isEqualTo(1);

        consumer = startInProcess(true);
        awaitLeader(consumer);
        sendOne(topic, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedCount() == 2);
    }

    private void sendOne(String topic, int seq) {
        consumer.getBean(TransactionTemplate.class).executeWithoutResult(status -> consumer.getBean(OutboxWriter.class)
                .send(
                        new OutboxMessage(topic, "idle", "Numbered", 1, new RelayTestApplication.Numbered(seq)),
                        Instant.now(),
                        MessageContext.startedBy(UUID.randomUUID())));
    }

    private ConfigurableApplicationContext startInProcess(boolean withRelay) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put("messaging.relay.enabled", Boolean.toString(withRelay));
        return new SpringApplicationBuilder(RelayTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(props)
                .run();
    }

    private void writeMessages(ConfigurableApplicationContext context) {
        new NumberedStream(properties.get("relay-test.topic")).write(context);
    }

    private void assertExactlyOnceInOrderPerKey() {
        NumberedStream.assertExactlyOnceInOrderPerKey(consumer);
    }

    private void awaitAllReceived(Duration atMost) {
        NumberedStream.awaitAllReceived(consumer, atMost);
    }

    private long receivedCount() {
        return NumberedStream.receivedCount(consumer);
    }

    private static void awaitLeader(ConfigurableApplicationContext context) {
        var election = context.getBean(com.fooddelivery.messaging.relay.RelayLeaderElection.class);
        var relay = context.getBean(com.fooddelivery.messaging.relay.OutboxRelay.class);
        await().atMost(Duration.ofMinutes(1)).until(() -> election.isLeader() && relay.isRunning());
    }

    private static void awaitRole(RelayProcess relay, String role) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> relay.role().equals(role));
    }
}
