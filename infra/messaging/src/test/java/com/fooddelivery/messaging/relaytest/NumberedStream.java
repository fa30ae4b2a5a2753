package com.fooddelivery.messaging.relaytest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.outbox.OutboxMessage;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@value #MESSAGES} numbered messages over {@value #KEYS} keys, written to the outbox {@value #PER_TRANSACTION} per
 * commit, and the checks that {@link RelayTestApplication}'s consumer received each exactly once, in order per key.
 */
public final class NumberedStream {

    public static final int KEYS = 100;
    public static final int PER_KEY = 100;
    public static final int MESSAGES = KEYS * PER_KEY;
    private static final int PER_TRANSACTION = 50;

    private final String topic;

    public NumberedStream(String topic) {
        this.topic = topic;
    }

    /** Messages for every key in ascending seq, interleaved across keys. */
    public void write(ConfigurableApplicationContext context) {
        write(context, 0, MESSAGES);
    }

    /**
     * The part of the stream from message {@code from} (inclusive) to {@code to} (exclusive), both multiples of
     * {@value #PER_TRANSACTION}: writing 0 to n, then n to {@value #MESSAGES}, writes the whole stream.
     */
    public void write(ConfigurableApplicationContext context, int from, int to) {
        OutboxWriter outbox = context.getBean(OutboxWriter.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        MessageContext messageContext = MessageContext.startedBy(UUID.randomUUID());
        for (int first = from; first < to; first += PER_TRANSACTION) {
            int start = first;
            transaction.executeWithoutResult(status -> {
                for (int i = start; i < start + PER_TRANSACTION; i++) {
                    String key = "key-" + (i % KEYS);
                    outbox.send(
                            new OutboxMessage(topic, key, "Numbered", 1, new RelayTestApplication.Numbered(i / KEYS)),
                            Instant.now(),
                            messageContext);
                }
            });
        }
    }

    public static long receivedCount(ConfigurableApplicationContext consumer) {
        return consumer.getBean(JdbcTemplate.class).queryForObject("select count(*) from received", Long.class);
    }

    public static void awaitAllReceived(ConfigurableApplicationContext consumer, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> receivedCount(consumer) >= MESSAGES);
    }

    public static void assertExactlyOnceInOrderPerKey(ConfigurableApplicationContext consumer) {
        JdbcTemplate jdbc = consumer.getBean(JdbcTemplate.class);
        assertThat(receivedCount(consumer)).isEqualTo(MESSAGES);
        assertThat(jdbc.queryForObject("select count(distinct message_id) from received", Long.class))
                .isEqualTo(MESSAGES);
        List<String> outOfOrder = jdbc.queryForList("""
                select message_key from (
                  select message_key, seq, lag(seq) over (partition by message_key order by receipt) as previous
                  from received) r
                where previous is not null and seq <> previous + 1""", String.class);
        assertThat(outOfOrder).as("keys whose messages arrived out of order").isEmpty();
        assertThat(jdbc.queryForObject("select count(distinct message_key) from received", Integer.class))
                .isEqualTo(KEYS);
    }
}
