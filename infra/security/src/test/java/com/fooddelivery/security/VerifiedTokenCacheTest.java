package com.fooddelivery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final Map<String, Instant> expiries = new HashMap<>();
    private final AtomicInteger verifications = new AtomicInteger();

    /** Verifies like a real decoder: refuses an unknown or expired token, and counts each verification. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        Instant expiresAt = expiries.get(token);
        if (expiresAt == null) {
            throw new BadJwtException("not signed by us: " + token);
        }
        if (expiresAt != Instant.MAX && !clock.instant().isBefore(expiresAt)) {
            throw new BadJwtException("expired: " + token);
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("someone")
                .issuedAt(NOW);
        return (expiresAt == Instant.MAX ? jwt : jwt.expiresAt(expiresAt)).build();
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 2, clock);

    @Test
    void a_token_is_verified_once_and_then_answered_from_memory_until_it_expires() {
        expiries.put("a", NOW.plus(Duration.ofMinutes(15)));

        Jwt first = cache.decode("a");
        for (int i = 0; i < 100; i++) {
            assertThat(cache.decode("a")).isSameAs(first);
        }
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> cache.decode("a"))
                .as("at its expiry the token is verified again, and refused")
                .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_refused_token_is_refused_every_time_and_never_remembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_token_without_expiry_is_verified_every_time() {
        expiries.put("forever", Instant.MAX);

        cache.decode("forever");
        cache.decode("forever");

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void it_holds_at_most_its_size() {
        for (String token : new String[] {"a", "b", "c", "d", "e"}) {
            expiries.put(token, NOW.plus(Duration.ofMinutes(15)));
            cache.decode(token);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }
}
