package com.fooddelivery.messaging.relay;

import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The logical replication slot the relay reads from; it retains WAL until the relay confirms it. */
public class ReplicationSlot {

    private final JdbcTemplate jdbc;
    private final String name;

    public ReplicationSlot(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    /**
     * Creates the slot unless it exists. Called at startup before the service takes any request, so every outbox
     * insert happens after the slot's starting point and is kept for the relay.
     */
    public void ensureExists() {
        if (exists()) {
            return;
        }
        try {
            jdbc.queryForList("select pg_create_logical_replication_slot(?, 'pgoutput')", name);
        } catch (DataAccessException e) {
            // Another instance starting at the same moment may have won the race.
            if (!exists()) {
                throw e;
            }
        }
    }

    /** Bytes of WAL written since the relay's last confirmed position; null if the slot does not exist. */
    public Long lagBytes() {
        List<Long> lag = jdbc.queryForList(
                "select pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint"
                        + " from pg_replication_slots where slot_name = ?",
                Long.class,
                name);
        return lag.isEmpty() ? null : lag.getFirst();
    }

    public String name() {
        return name;
    }

    private boolean exists() {
        Integer count = jdbc.queryForObject(
                "select count(*) from pg_replication_slots where slot_name = ?", Integer.class, name);
        return count != null && count > 0;
    }
}
