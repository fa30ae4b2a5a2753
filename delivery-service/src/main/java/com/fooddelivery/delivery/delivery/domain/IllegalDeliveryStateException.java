package com.fooddelivery.delivery.delivery.domain;

import java.time.Instant;

/** The action does not fit the delivery's current state (e.g. pickup before acceptance, accept after expiry). */
public class IllegalDeliveryStateException extends RuntimeException {

    private final DeliveryStatus currentState;
    private final String action;
    private final Instant offerExpiredAt;

    /** @param offerExpiredAt when the courier's offer expired, if that is why; else null */
    public IllegalDeliveryStateException(DeliveryStatus currentState, String action, Instant offerExpiredAt) {
        super("Cannot " + action + ": the delivery is " + currentState
                + (offerExpiredAt == null ? "" : " (the offer expired at " + offerExpiredAt + ")"));
        this.currentState = currentState;
        this.action = action;
        this.offerExpiredAt = offerExpiredAt;
    }

    public Instant offerExpiredAt() {
        return offerExpiredAt;
    }

    public DeliveryStatus currentState() {
        return currentState;
    }

    public String action() {
        return action;
    }
}
