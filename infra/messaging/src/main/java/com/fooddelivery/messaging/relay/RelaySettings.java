package com.fooddelivery.messaging.relay;

import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * What the relay needs to know: the service database (JDBC URL and a user with the REPLICATION attribute), the
 * replication slot it owns, and its timings.
 *
 * @param sendTimeout how long sending one record may block (metadata, a full buffer) before the engine restarts
 * @param stallTimeout how long a leader may go without relaying before it reports DOWN and resigns
 * @param restartBackoff the first delay between starts of a failed engine; it doubles up to maxRestartBackoff
 */
public record RelaySettings(
        String name,
        String jdbcUrl,
        String user,
        String password,
        String slotName,
        Duration pollInterval,
        Duration offsetFlushInterval,
        Duration leaderCheckInterval,
        Duration sendTimeout,
        Duration stallTimeout,
        Duration restartBackoff,
        Duration maxRestartBackoff) {

    static final String PUBLICATION = "outbox_publication";
    static final String OFFSET_TABLE = "relay_offsets";

    /** Debezium's configuration for streaming outbox inserts of this database. */
    Properties debeziumProperties() {
        Properties url = Driver.parseURL(jdbcUrl, null);
        if (url == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        Properties props = new Properties();
        props.setProperty("name", name);
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("topic.prefix", name);
        props.setProperty("database.hostname", url.getProperty("PGHOST"));
        props.setProperty("database.port", url.getProperty("PGPORT"));
        props.setProperty("database.dbname", url.getProperty("PGDBNAME"));
        props.setProperty("database.user", user);
        props.setProperty("database.password", password);
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", slotName);
        props.setProperty("publication.name", PUBLICATION);
        // The slot and publication are created by the service before any outbox row can be written, so no message
        // can predate them; the outbox is always empty, so there is nothing to snapshot.
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("table.include.list", "public.outbox");
        props.setProperty("tombstones.on.delete", "false");
        props.setProperty("poll.interval.ms", Long.toString(pollInterval.toMillis()));
        // Confirm LSNs to the server, also on keepalives while the outbox is idle (else the slot holds WAL forever).
        // The slot only moves past what Kafka acknowledged or past WAL without outbox inserts, so when it is ahead of
        // the stored offset it is the truth. Never seek the slot back to the offset: Debezium seeks to the last
        // commit, which PostgreSQL refuses once the slot has moved past it, and the relay would stall.
        props.setProperty("lsn.flush.mode", "connector_and_driver");
        props.setProperty("offset.mismatch.strategy", "trust_slot");
        // Heartbeats let the slot advance while only other tables change, so it does not hold WAL back.
        props.setProperty("heartbeat.interval.ms", "10000");
        props.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        props.setProperty("offset.storage.jdbc.connection.url", jdbcUrl);
        props.setProperty("offset.storage.jdbc.connection.user", user);
        props.setProperty("offset.storage.jdbc.connection.password", password);
        props.setProperty("offset.storage.jdbc.table.name", OFFSET_TABLE);
        // Flushed often: after a crash, everything since the last flush is sent again.
        props.setProperty("offset.flush.interval.ms", Long.toString(offsetFlushInterval.toMillis()));
        props.setProperty("offset.flush.timeout.ms", "5000");
        return props;
    }
}
