package com.fooddelivery.messaging.relay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps exactly one relay running per service database. Every instance competes for a PostgreSQL session advisory
 * lock on a dedicated connection; the holder runs the relay, the others are hot standbys. When the leader dies its
 * connection closes, the lock is released at once and a standby takes over on its next check. A leader that loses
 * its connection stops relaying before anyone else can start.
 */
public class RelayLeaderElection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLeaderElection.class);

    private final RelaySettings settings;
    private final OutboxRelay relay;
    private final long lockKey;

    private ScheduledExecutorService scheduler;
    private Connection lockConnection;
    private volatile boolean leader;
    private volatile boolean running;

    public RelayLeaderElection(RelaySettings settings, OutboxRelay relay) {
        this.settings = settings;
        this.relay = relay;
        CRC32 crc = new CRC32();
        crc.update(("outbox-relay:" + settings.slotName()).getBytes(StandardCharsets.UTF_8));
        this.lockKey = crc.getValue();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "outbox-relay-leader-" + settings.name()));
        running = true;
        scheduler.scheduleWithFixedDelay(
                this::check, 0, settings.leaderCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.stop();
        closeLockConnection();
        leader = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Start before and stop after the web server (graceful shutdown at {@code DEFAULT_PHASE - 1024}) and the Kafka
     * listeners: outbox rows written by the last requests and messages are relayed before this instance lets go.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    public boolean isLeader() {
        return leader;
    }

    private void check() {
        try {
            if (leader && !lockConnection.isValid(2)) {
                log.warn("Lost the relay leader connection; stopping the relay");
                resign();
            }
            if (!leader) {
                leader = tryAcquire();
                if (leader) {
                    log.info("This instance is the outbox relay leader for slot {}", settings.slotName());
                }
            }
            if (leader && !relay.isRunning()) {
                relay.stop();
                relay.start();
            }
        } catch (Exception e) {
            log.warn("Relay leader check failed", e);
            resign();
        }
    }

    private boolean tryAcquire() throws SQLException {
        if (lockConnection == null || !lockConnection.isValid(2)) {
            closeLockConnection();
            lockConnection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        }
        try (PreparedStatement lock = lockConnection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void resign() {
        relay.stop();
        closeLockConnection();
        leader = false;
    }

    private void closeLockConnection() {
        if (lockConnection != null) {
            try {
                lockConnection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay lock connection failed", e);
            }
            lockConnection = null;
        }
    }
}
