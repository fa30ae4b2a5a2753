package com.fooddelivery.order.account.application;

import java.util.Optional;

public interface Accounts {

    Optional<Account> findByUsername(String username);

    /** @return false when the username is taken (nothing is written) */
    boolean add(Account account);
}
