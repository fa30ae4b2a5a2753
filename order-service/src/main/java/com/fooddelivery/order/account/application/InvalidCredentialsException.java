package com.fooddelivery.order.account.application;

/** Unknown user or wrong password: deliberately one answer, so sign-in does not reveal which usernames exist. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("Invalid username or password");
    }
}
