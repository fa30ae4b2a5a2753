package com.fooddelivery.order.catalog;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row written to the outbox of a test's own database, kept by a trigger. The outbox itself is always empty (a
 * row is deleted in the transaction that inserts it), and Kafka is shared with other runs, so this is the exact view
 * of what a transaction sent: a rolled-back transaction leaves no entry, as it leaves no message.
 */
public final class OutboxLog {

    public record Entry(String topic, String key, String type, long version) {}

    private OutboxLog() {}

    public static void install(JdbcTemplate jdbc) {
        jdbc.execute("""
                create table if not exists test_outbox_log (
                    seq       bigserial primary key,
                    topic     text  not null,
                    key       text  not null,
                    type      text  not null,
                    payload   jsonb not null)""");
        jdbc.execute("""
                create or replace function test_outbox_log() returns trigger language plpgsql as $$
                begin
                    insert into test_outbox_log (topic, key, type, payload)
                    values (new.aggregate_type, new.aggregate_id, new.type, new.payload);
                    return new;
                end $$""");
        jdbc.execute("""
                create or replace trigger test_outbox_log after insert on outbox
                for each row execute function test_outbox_log()""");
    }

    /** Entries on {@code topic} in the order they were written; {@code version} is the payload's, or -1. */
    public static List<Entry> entries(JdbcTemplate jdbc, String topic) {
        return jdbc.query(
                """
                select topic, key, type, coalesce((payload ->> 'version')::bigint, -1) as version
                from test_outbox_log where topic = ? order by seq""",
                (rs, row) -> new Entry(
                        rs.getString("topic"), rs.getString("key"), rs.getString("type"), rs.getLong("version")),
                topic);
    }

    public static int size(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from test_outbox_log", Integer.class);
    }
}
