package com.fooddelivery.order.account.web;

import com.fooddelivery.order.account.application.Account;
import com.fooddelivery.order.account.application.AccountRegistry;
import com.fooddelivery.order.account.token.SigningKeys;
import com.fooddelivery.order.account.token.TokenIssuer;
import com.fooddelivery.order.account.web.AuthRequests.AccountView;
import com.fooddelivery.order.account.web.AuthRequests.Credentials;
import com.fooddelivery.order.account.web.AuthRequests.NewUser;
import com.fooddelivery.order.account.web.AuthRequests.Registration;
import com.fooddelivery.order.account.web.AuthRequests.TokenResponse;
import com.fooddelivery.security.Role;
import com.fooddelivery.web.Problems;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in and the keys that verify tokens. Customers register themselves; restaurant staff, couriers and
 * admins are created by an ADMIN ({@code POST /admin/users}).
 */
@RestController
class AuthController {

    private final AccountRegistry registry;
    private final TokenIssuer tokens;
    private final SigningKeys keys;

    AuthController(AccountRegistry registry, TokenIssuer tokens, SigningKeys keys) {
        this.registry = registry;
        this.tokens = tokens;
        this.keys = keys;
    }

    /** 201 with the new customer account; 409 if the username is taken (in any letter case). */
    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView register(@Valid @RequestBody Registration registration) {
        return view(registry.registerCustomer(registration.username(), withinBcryptLimit(registration.password())));
    }

    /** An access token for a username and password; 401 {@code invalid-credentials} for either being wrong. */
    @PostMapping("/auth/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody Credentials credentials) {
        TokenIssuer.AccessToken token =
                tokens.issue(registry.authenticate(credentials.username(), credentials.password()));
        // RFC 6749 section 5.1: a token response is never cached.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
    }

    /** The public keys of the tokens that may still be valid, for every resource server (RFC 7517). */
    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(keys.publicKeys().toJSONObject());
    }

    /** ADMIN only (see OrderServiceAccessRules): staff of a restaurant, a courier, another admin, or a customer. */
    @PostMapping("/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView createUser(@Valid @RequestBody NewUser user) {
        if ((user.role() == Role.RESTAURANT) != (user.restaurantId() != null)) {
            throw invalid("restaurantId", "field.restaurant-id-for-restaurant-only");
        }
        if (user.role() != Role.COURIER && user.courierId() != null) {
            throw invalid("courierId", "field.courier-id-for-courier-only");
        }
        return view(registry.create(
                user.username(),
                withinBcryptLimit(user.password()),
                user.role(),
                user.restaurantId(),
                user.courierId()));
    }

    /** bcrypt ignores what follows the 72nd byte: a longer password (in UTF-8) would be weaker than it looks. */
    private static String withinBcryptLimit(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw invalid("password", "field.password-too-long");
        }
        return password;
    }

    private static ErrorResponseException invalid(String field, String code) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, Problems.invalidRequest(List.of(Problems.invalid(field, code))), null);
    }

    private static AccountView view(Account account) {
        return new AccountView(
                account.id(), account.username(), account.role(), account.restaurantId(), account.courierId());
    }
}
