package com.fooddelivery.payment.payment.infrastructure;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulated provider's memory in {@code simulated_provider_operation}, written outside payment-service's
 * transactions (each statement commits on its own, as a remote provider's would), so a restart forgets no key.
 */
class JdbcProviderMemory implements SimulatedPaymentProvider.Memory {

    private final JdbcClient jdbc;

    JdbcProviderMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> find(String key) {
        return jdbc.sql("select result from simulated_provider_operation where idempotency_key = ?")
                .param(key)
                .query(String.class)
                .optional();
    }

    @Override
    public boolean storeOnce(String key, String result) {
        return jdbc.sql("insert into simulated_provider_operation (idempotency_key, result) values (?, ?)"
                                + " on conflict do nothing")
                        .params(key, result)
                        .update()
                == 1;
    }
}
