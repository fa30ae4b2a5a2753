package com.fooddelivery.messaging.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps exactly one relay running per service database, and keeps it running. Every instance competes for a
 * PostgreSQL session advisory lock on a dedicated connection; the holder runs the relay, the others are hot standbys.
 * When the leader dies its connection closes, the lock is released at once and a standby takes over on its next
 * check. A leader that loses its connection stops relaying before anyone else can start (and the replication slot
 * admits only one reader anyway).
 *
 * <p>While it leads, the election supervises the relay: an engine that failed (Kafka unreachable, the replication
 * connection lost, a slot error) is started again with exponential backoff. A leader that has not relayed for
 * {@link RelaySettings#stallTimeout()} (changes wait and Kafka acknowledged nothing, or the engine will not run)
 * resigns and stays out of the election for a few checks, so a standby may try; alone, it takes the lock back and
 * tries again. Nothing that goes wrong in a check stops the checks. The lock is never held without the relay being
 * started or about to be started again.
 */
public class RelayLeaderElection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLeaderElection.class);
    /** Checks a resigned leader sits out, so every standby checks at least once before it may lead again. */
    private static final int CHECKS_SAT_OUT_AFTER_RESIGNING = 3;

    private final RelaySettings settings;
    private final OutboxRelay relay;
    private final Clock clock;
    private final long lockKey;
    private final Counter restarts;
    private final Counter resignations;

    private ScheduledExecutorService scheduler;
    private Connection lockConnection;
    private volatile boolean leader;
    private volatile boolean running;
    private volatile Instant leaderSince;
    private volatile String lastResignation;
    private volatile Instant notStreamingSince;
    private Instant nextStartAt = Instant.MIN;
    private Duration restartDelay;
    private Instant mayLeadAgainAt = Instant.MIN;

    public RelayLeaderElection(RelaySettings settings, OutboxRelay relay, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.relay = relay;
        this.clock = clock;
        this.restartDelay = settings.restartBackoff();
        CRC32 crc = new CRC32();
        crc.update(("outbox-relay:" + settings.slotName()).getBytes(StandardCharsets.UTF_8));
        this.lockKey = crc.getValue();
        this.restarts = Counter.builder("outbox.relay.restarts")
                .description("Relay engines started again after they failed")
                .register(meters);
        this.resignations = Counter.builder("outbox.relay.resignations")
                .description("Times this instance gave up the relay lock because it could not relay")
                .register(meters);
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

    /**
     * How long this instance has known of outbox changes it could not relay, with nobody relaying them since: changes
     * wait with no acknowledgement from Kafka, or its engine has not been streaming while it led. The clock survives a
     * resignation (a lone instance that resigns is no healthier), and stops once this instance relays again or sees
     * another instance stream the slot. Zero while all is well.
     */
    public Duration stalledFor() {
        Instant since = stalledSince();
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    /** Like {@link #stalledFor()}, but counted from when this instance last became leader: when it resigns. */
    private Duration stalledAsLeaderFor() {
        Instant since = stalledSince();
        Instant leading = leaderSince;
        if (!leader || since == null || leading == null) {
            return Duration.ZERO;
        }
        return Duration.between(since.isBefore(leading) ? leading : since, clock.instant());
    }

    private Instant stalledSince() {
        Instant waiting = relay.waitingSince();
        Instant notStreaming = notStreamingSince;
        if (waiting == null) {
            return notStreaming;
        }
        return notStreaming == null || waiting.isBefore(notStreaming) ? waiting : notStreaming;
    }

    /** Why this instance last gave up the lead, or null. */
    public String lastResignation() {
        return lastResignation;
    }

    /** One round; runs every leader-check interval on the election's only thread, and never throws. */
    private void check() {
        try {
            checkLeadership();
            if (leader) {
                superviseRelay();
            }
        } catch (Throwable e) {
            log.warn("Relay leader check failed", e);
            resign("the leader check failed: " + e);
        }
    }

    private void checkLeadership() throws SQLException {
        if (leader && !lockConnection.isValid(2)) {
            resign("lost the connection holding the relay lock");
        }
        Duration stalled = stalledAsLeaderFor();
        if (leader && stalled.compareTo(settings.stallTimeout()) >= 0) {
            String failure = relay.lastFailure();
            resign("nothing relayed for " + stalled.toSeconds() + " s" + (failure == null ? "" : " (" + failure + ")"));
        }
        if (!leader && !clock.instant().isBefore(mayLeadAgainAt) && tryAcquire()) {
            leader = true;
            leaderSince = clock.instant();
            nextStartAt = Instant.MIN;
            restartDelay = settings.restartBackoff();
            log.info("This instance is the outbox relay leader for slot {}", settings.slotName());
        }
        if (!leader && stalledSince() != null && slotStreamedByAnotherInstance()) {
            // Another instance relays now: what this one could not relay is no longer its to report.
            notStreamingSince = null;
            relay.forgetWaiting();
        }
    }

    private boolean slotStreamedByAnotherInstance() throws SQLException {
        if (lockConnection == null) {
            return false;
        }
        try (PreparedStatement active = lockConnection.prepareStatement(
                "select active_pid is not null from pg_replication_slots where slot_name = ?")) {
            active.setString(1, settings.slotName());
            try (ResultSet result = active.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Starts a relay that is not streaming, at most once per backoff delay, which doubles up to its maximum. */
    private void superviseRelay() {
        Instant now = clock.instant();
        if (relay.isRunning()) {
            notStreamingSince = null;
            Instant relayedAt = relay.lastRelayedAt();
            if (relayedAt != null && relayedAt.isAfter(nextStartAt)) {
                // It relayed since its last start: a later failure starts the backoff over.
                restartDelay = settings.restartBackoff();
            }
            return;
        }
        if (notStreamingSince == null) {
            notStreamingSince = now;
        }
        if (now.isBefore(nextStartAt)) {
            return;
        }
        boolean restart = nextStartAt != Instant.MIN;
        nextStartAt = now.plus(restartDelay);
        restartDelay = min(restartDelay.multipliedBy(2), settings.maxRestartBackoff());
        relay.stop();
        if (restart) {
            restarts.increment();
            log.info(
                    "Starting the outbox relay again (last failure: {}; next attempt in {} s at the earliest)",
                    relay.lastFailure(),
                    Duration.between(now, nextStartAt).toSeconds());
        }
        try {
            relay.start();
        } catch (RuntimeException e) {
            log.warn("The outbox relay did not start", e);
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

    /** Stops relaying, then lets go of the lock: never the other way round, and never the lock without the stop. */
    private void resign(String reason) {
        if (leader) {
            log.warn("Giving up the outbox relay lead for slot {}: {}", settings.slotName(), reason);
            resignations.increment();
            lastResignation = reason;
            mayLeadAgainAt =
                    clock.instant().plus(settings.leaderCheckInterval().multipliedBy(CHECKS_SAT_OUT_AFTER_RESIGNING));
        }
        relay.stop();
        closeLockConnection();
        leader = false;
        leaderSince = null;
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
