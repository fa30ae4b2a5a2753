package com.fooddelivery.order.account.application;

import com.fooddelivery.order.catalog.domain.Restaurants;
import com.fooddelivery.security.Role;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates accounts and checks passwords. Customers sign themselves up; everyone else is created by an ADMIN. A courier
 * account names a new courier, who appears in delivery-service on their first availability call.
 */
@Service
public class AccountRegistry {

    private final Accounts accounts;
    private final Restaurants restaurants;
    private final PasswordEncoder passwords;
    /** Checked when the username is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoyHash;

    AccountRegistry(Accounts accounts, Restaurants restaurants, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.restaurants = restaurants;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy-" + UUID.randomUUID());
    }

    public Account registerCustomer(String username, String password) {
        return create(username, password, Role.CUSTOMER, null, null);
    }

    /**
     * @param restaurantId required for, and only for, RESTAURANT; an unknown one is refused
     * @param courierId for COURIER only; a new one when {@code null}
     */
    public Account create(String username, String password, Role role, UUID restaurantId, UUID courierId) {
        if (role == Role.RESTAURANT && restaurants.find(restaurantId).isEmpty()) {
            throw new UnknownRestaurantException(restaurantId);
        }
        UUID courier = role == Role.COURIER ? (courierId != null ? courierId : UUID.randomUUID()) : null;
        Account account = new Account(
                UUID.randomUUID(),
                normalized(username),
                passwords.encode(password),
                role,
                role == Role.RESTAURANT ? restaurantId : null,
                courier);
        if (!accounts.add(account)) {
            throw new UsernameTakenException(account.username());
        }
        return account;
    }

    public Account authenticate(String username, String password) {
        Account account = accounts.findByUsername(normalized(username)).orElse(null);
        boolean matches = passwords.matches(password, account != null ? account.passwordHash() : decoyHash);
        if (account == null || !matches) {
            throw new InvalidCredentialsException();
        }
        return account;
    }

    static String normalized(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
