package com.fooddelivery.messaging.inbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgets inbox entries older than the retention. A duplicate can only arrive while its offset is uncommitted or
 * the relay replays its last unflushed second, so days of retention leave a wide margin; without pruning the table
 * grows by one row per message forever. Run every {@code messaging.inbox.prune-interval} by a
 * {@link com.fooddelivery.messaging.scheduling.PeriodicTask}.
 */
public class InboxPruner {

    private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);
    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    public InboxPruner(JdbcTemplate jdbc, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
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
        if (total > 0) {
            log.info("Pruned {} inbox entries older than {}", total, retention);
        }
        return total;
    }
}
