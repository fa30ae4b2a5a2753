package com.fooddelivery.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in caller for MockMvc tests of controllers without Spring Security's filter chain: the verified token a
 * resource server would put in the security context. Tests of the whole service send real tokens
 * ({@link TestTokens}) instead. Call {@link #signOut()} after each test.
 */
public final class TestCallers {

    private TestCallers() {}

    public static RequestPostProcessor customer(UUID customerId) {
        return signedIn(customerId.toString(), "CUSTOMER", Map.of());
    }

    public static RequestPostProcessor restaurant(UUID restaurantId) {
        return signedIn(UUID.randomUUID().toString(), "RESTAURANT", Map.of("restaurantId", restaurantId.toString()));
    }

    public static RequestPostProcessor courier(UUID courierId) {
        return signedIn(UUID.randomUUID().toString(), "COURIER", Map.of("courierId", courierId.toString()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static RequestPostProcessor signedIn(String subject, String role, Map<String, Object> ids) {
        return request -> {
            Jwt.Builder token = Jwt.withTokenValue("test")
                    .header("alg", "RS256")
                    .subject(subject)
                    .issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(900))
                    .claim("roles", List.of(role));
            ids.forEach(token::claim);
            SecurityContextHolder.getContext()
                    .setAuthentication(new JwtAuthenticationToken(
                            token.build(), List.of(new SimpleGrantedAuthority("ROLE_" + role)), subject));
            return request;
        };
    }
}
