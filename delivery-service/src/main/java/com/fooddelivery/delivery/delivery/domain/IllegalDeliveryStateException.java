package com.fooddelivery.delivery.delivery.domain;

/** The action does not fit the delivery's current state (e.g. pickup before acceptance, accept after expiry). */
public class IllegalDeliveryStateException extends RuntimeException {

    private final DeliveryStatus currentState;
    private final String action;

    public IllegalDeliveryStateException(DeliveryStatus currentState, String action, String why) {
        super("Cannot " + action + ": the delivery is " + currentState + (why == null ? "" : " (" + why + ")"));
        this.currentState = currentState;
        this.action = action;
    }

    public DeliveryStatus currentState() {
        return currentState;
    }

    public String action() {
        return action;
    }
}
