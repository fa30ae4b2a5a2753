package com.fooddelivery.delivery.delivery.application;

import com.fooddelivery.messaging.MessageContext;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The conversation a delivery belongs to: that of the RequestCourier which created it. Messages sent later, on a
 * courier's HTTP call or by the sweeper, stay in that conversation and trace.
 */
public record Conversation(UUID correlationId, String traceparent) {

    /** A message caused by something other than a message (an HTTP call, a timeout): a fresh causation id. */
    MessageContext newCause() {
        String traceId = traceparent != null && traceparent.length() >= 35 ? traceparent.substring(3, 35) : hex(16);
        return new MessageContext(correlationId, UUID.randomUUID(), "00-" + traceId + "-" + hex(8) + "-01");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
