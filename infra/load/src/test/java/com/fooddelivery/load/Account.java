package com.fooddelivery.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A signed-in account of the run. Virtual users read {@link #authorization()} on Gatling's event loop, so it never
 * blocks: the token is renewed by {@link RunFixture}'s background renewer ({@link #renewIfExpiringWithin}) well
 * before its 15 minutes are over, which keeps soak runs signed in.
 */
final class Account {

    private final String username;
    private final String password;
    private volatile String authorization;
    private volatile Instant expiresAt = Instant.MIN;
    private volatile JsonNode claims;

    Account(String username, String password) {
        this.username = username;
        this.password = password;
    }

    String username() {
        return username;
    }

    /** {@code Bearer <access token>}. */
    String authorization() {
        return authorization;
    }

    /** A claim of the token, e.g. {@code courierId} of a courier or {@code restaurantId} of staff. */
    String claim(String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    void signIn(ServiceCalls calls, URI orderService) {
        Instant asked = Instant.now();
        JsonNode token = calls.post(
                orderService.resolve("/auth/token"), null, Map.of("username", username, "password", password), 200);
        String accessToken = token.get("access_token").asText();
        claims = ServiceCalls.read(
                new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
        expiresAt = asked.plusSeconds(token.get("expires_in").asLong());
        authorization = "Bearer " + accessToken;
    }

    void renewIfExpiringWithin(Duration margin, ServiceCalls calls, URI orderService) {
        if (Instant.now().plus(margin).isAfter(expiresAt)) {
            signIn(calls, orderService);
        }
    }

    @Override
    public String toString() {
        return username;
    }
}
