package com.fooddelivery.order.account.infrastructure;

import com.fooddelivery.order.account.application.Account;
import com.fooddelivery.order.account.application.Accounts;
import com.fooddelivery.security.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the table {@code account} (V7). */
@Repository
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;

    JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, role, restaurant_id, courier_id
                        from account where username = ?""")
                .param(username)
                .query((row, number) -> new Account(
                        row.getObject("id", UUID.class),
                        row.getString("username"),
                        row.getString("password_hash"),
                        Role.valueOf(row.getString("role")),
                        row.getObject("restaurant_id", UUID.class),
                        row.getObject("courier_id", UUID.class)))
                .optional();
    }

    @Override
    public boolean add(Account account) {
        // A taken username (or courier id) inserts nothing instead of failing the transaction.
        return jdbc.sql("""
                        insert into account (id, username, password_hash, role, restaurant_id, courier_id)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                        .params(
                                account.id(),
                                account.username(),
                                account.passwordHash(),
                                account.role().name(),
                                account.restaurantId(),
                                account.courierId())
                        .update()
                == 1;
    }
}
