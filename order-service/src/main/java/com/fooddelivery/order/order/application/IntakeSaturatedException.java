package com.fooddelivery.order.order.application;

import java.time.Duration;

/** New orders are refused for now: the oldest order has waited longer than allowed for its payment answer. */
public class IntakeSaturatedException extends RuntimeException {

    private final Duration retryAfter;

    IntakeSaturatedException(Duration retryAfter, Duration oldestPaymentWait) {
        super("The oldest order has waited " + oldestPaymentWait.toMillis() + " ms for its payment answer");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
