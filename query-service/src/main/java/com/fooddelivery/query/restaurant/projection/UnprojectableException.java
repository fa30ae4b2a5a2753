package com.fooddelivery.query.restaurant.projection;

/** A message that can never become a restaurant document, whatever the retries: it goes to the dead letters. */
class UnprojectableException extends RuntimeException {

    UnprojectableException(String reason) {
        super(reason);
    }
}
