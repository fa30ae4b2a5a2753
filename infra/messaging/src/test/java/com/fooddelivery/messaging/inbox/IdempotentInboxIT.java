package com.fooddelivery.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.messaging.relaytest.RelayTestApplication;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox on real PostgreSQL: one effect per message id, nothing recorded for a failed effect, pruning. */
class IdempotentInboxIT {

    private static TestDatabase database;
    private static ConfigurableApplicationContext context;
    private static IdempotentInbox inbox;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        database = Infrastructure.get().newDatabase("inbox");
        Map<String, Object> properties = new java.util.HashMap<>(database.springProperties());
        properties.put("messaging.relay.enabled", "false");
        properties.put("relay-test.topic", "inbox-it-unused");
        properties.put("relay-test.consume", "false");
        context = new SpringApplicationBuilder(RelayTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
        inbox = context.getBean(IdempotentInbox.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
        database.close();
    }

    @Test
    void a_redelivered_message_has_no_second_effect() {
        IncomingMessage message = message(UUID.randomUUID());
        AtomicInteger effects = new AtomicInteger();

        boolean first = inbox.receive(message, m -> effects.incrementAndGet());
        boolean redelivery = inbox.receive(message, m -> effects.incrementAndGet());

        assertThat(first).isTrue();
        assertThat(redelivery).isFalse();
        assertThat(effects).hasValue(1);
    }

    @Test
    void a_failed_effect_is_not_recorded_so_the_redelivery_runs_it_again() {
        IncomingMessage message = message(UUID.randomUUID());

        assertThatThrownBy(() -> inbox.receive(message, m -> {
                    throw new IllegalStateException("database of a downstream effect unavailable");
                }))
                .isInstanceOf(IllegalStateException.class);
        AtomicInteger effects = new AtomicInteger();
        boolean retried = inbox.receive(message, m -> effects.incrementAndGet());

        assertThat(retried).isTrue();
        assertThat(effects).hasValue(1);
    }

    @Test
    void pruning_forgets_only_entries_older_than_the_retention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.update(
                "insert into inbox (message_id, type, received_at) values (?, 'Test', now() - interval '8 days')", old);
        jdbc.update("insert into inbox (message_id, type, received_at) values (?, 'Test', now())", recent);
        InboxPruner pruner = new InboxPruner(jdbc, Clock.systemUTC(), Duration.ofDays(7));

        int pruned = pruner.prune();

        assertThat(pruned).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from inbox where message_id = ?", Integer.class, old))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from inbox where message_id = ?", Integer.class, recent))
                .isOne();
    }

    private static IncomingMessage message(UUID id) {
        return new IncomingMessage(
                id, "Test", 1, UUID.randomUUID(), UUID.randomUUID(), null, Instant.now(), "key", "{}");
    }
}
