package com.fooddelivery.query.shared.projection;

/** A message that no retry can project: it goes to the dead-letter topic. */
public class UnprojectableException extends RuntimeException {

    public UnprojectableException(String message) {
        super(message);
    }
}
