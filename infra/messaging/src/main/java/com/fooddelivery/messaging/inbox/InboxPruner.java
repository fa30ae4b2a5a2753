package com.fooddelivery.messaging.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgets inbox entries older than the retention. A duplicate can only arrive while its offset is uncommitted or
 * the relay replays its last unflushed second, so days of retention leave a wide margin; without pruning the table
 * grows by one row per message forever.
 */
public class InboxPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);
    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public InboxPruner(JdbcTemplate jdbc, Clock clock, Duration retention, Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** Deletes entries received before now minus the retention, in bounded batches; returns how many. */
    public int prune() {
        var cutoff = java.sql.Timestamp.from(clock.instant().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(
                    "delete from inbox where message_id in"
                            + " (select message_id from inbox where received_at < ? limit " + BATCH + ")",
                    cutoff);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "inbox-pruner"));
        scheduler.scheduleWithFixedDelay(
                this::pruneQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private void pruneQuietly() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Pruned {} inbox entries older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the inbox failed; retrying in {}", interval, e);
        }
    }
}
