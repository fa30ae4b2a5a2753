package com.fooddelivery.order.account.application;

public class UsernameTakenException extends RuntimeException {

    private final String username;

    public UsernameTakenException(String username) {
        super("Username " + username + " is taken");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
