package com.fooddelivery.order.account;

import com.fooddelivery.order.account.application.AccountRegistry;
import com.fooddelivery.order.account.application.UsernameTakenException;
import com.fooddelivery.security.Role;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Accounts with known passwords for local runs and demos (listed in the README), made at startup when
 * {@code auth.demo-accounts=true}: never in production. The staff account works for the demo restaurant Saravana
 * Bhavan (V3) and the courier has a fixed id, so curl examples can name them.
 */
@Component
@ConditionalOnBooleanProperty("auth.demo-accounts")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo-password";
    static final UUID SARAVANA_BHAVAN = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    static final UUID DEMO_COURIER = UUID.fromString("5a2b9e3d-7c68-4f0a-9eb6-1b4c7f6d0a65");

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRegistry registry;

    DemoAccounts(AccountRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        create("admin", Role.ADMIN, null, null);
        create("asha", Role.CUSTOMER, null, null);
        create("saravana", Role.RESTAURANT, SARAVANA_BHAVAN, null);
        create("ravi", Role.COURIER, null, DEMO_COURIER);
        log.warn("Demo accounts admin, asha, saravana and ravi exist with password '{}': not for production", PASSWORD);
    }

    private void create(String username, Role role, UUID restaurantId, UUID courierId) {
        try {
            registry.create(username, PASSWORD, role, restaurantId, courierId);
        } catch (UsernameTakenException existsFromAnEarlierStart) {
            // Kept as they are: a demo password changed on purpose stays changed.
        }
    }
}
