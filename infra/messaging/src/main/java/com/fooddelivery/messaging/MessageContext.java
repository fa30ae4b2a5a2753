package com.fooddelivery.messaging;

import com.fooddelivery.messaging.inbox.IncomingMessage;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a new message comes from: the conversation it belongs to, the message or request that caused it, and the
 * W3C trace it continues.
 */
public record MessageContext(UUID correlationId, UUID causationId, String traceparent) {

    /** A conversation started by an outside request (for example an HTTP call that places an order). */
    public static MessageContext startedBy(UUID requestId) {
        return new MessageContext(requestId, requestId, newTraceparent());
    }

    /** A message sent while handling {@code cause}: same conversation and trace, caused by that message. */
    public static MessageContext causedBy(IncomingMessage cause) {
        String traceId = cause.traceparent() != null && cause.traceparent().length() >= 35
                ? cause.traceparent().substring(3, 35)
                : randomHex(16);
        return new MessageContext(cause.correlationId(), cause.messageId(), newTraceparent(traceId));
    }

    /** A traceparent starting a new trace. */
    public static String newTraceparent() {
        return newTraceparent(randomHex(16));
    }

    private static String newTraceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
