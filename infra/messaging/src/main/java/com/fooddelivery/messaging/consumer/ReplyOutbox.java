package com.fooddelivery.messaging.consumer;

import com.fooddelivery.messaging.inbox.IncomingMessage;

/**
 * Sends a failure reply to {@code cause} and records {@code cause} as processed, in one transaction: a redelivery of
 * the failed command is then skipped instead of answered a second time.
 */
@FunctionalInterface
interface ReplyOutbox {

    void send(IncomingMessage cause, Object reply);
}
