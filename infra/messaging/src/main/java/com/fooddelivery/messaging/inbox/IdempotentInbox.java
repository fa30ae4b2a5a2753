package com.fooddelivery.messaging.inbox;

import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a consumer exactly-once effects on top of Kafka's at-least-once delivery: the message id is recorded in the
 * same transaction as the effect, and a message whose id is already recorded is skipped.
 */
public class IdempotentInbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public IdempotentInbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Runs {@code effect} once per message id. A concurrent duplicate waits on the first one's row lock and is
     * skipped once that commits; if the effect throws, nothing is recorded and a redelivery runs it again.
     *
     * @return true if the effect ran, false if the message had been processed before
     */
    public boolean receive(IncomingMessage message, Consumer<IncomingMessage> effect) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int recorded = jdbc.update(
                    "insert into inbox (message_id, type) values (?, ?) on conflict (message_id) do nothing",
                    message.messageId(),
                    message.type());
            if (recorded == 0) {
                return false;
            }
            effect.accept(message);
            return true;
        }));
    }
}
