package com.fooddelivery.order.account.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fooddelivery.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The bodies of the account endpoints. Passwords are 8 to 72 characters: bcrypt reads no further than 72 bytes. */
final class AuthRequests {

    /** Letters, digits and {@code . _ @ -}, starting with a letter or digit; compared case-insensitively. */
    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{2,49}";

    record Registration(
            @NotNull @Pattern(regexp = USERNAME) String username,
            @NotNull @Size(min = 8, max = 72) String password) {}

    record NewUser(
            @NotNull @Pattern(regexp = USERNAME) String username,
            @NotNull @Size(min = 8, max = 72) String password,
            @NotNull Role role,
            UUID restaurantId,
            UUID courierId) {}

    record Credentials(
            @NotBlank @Size(max = 50) String username,
            @NotBlank @Size(max = 72) String password) {}

    /** As an OAuth 2.0 token response (RFC 6749 section 5.1). */
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    record AccountView(UUID id, String username, Role role, UUID restaurantId, UUID courierId) {}

    private AuthRequests() {}
}
