package com.fooddelivery.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified until each one expires, so that a token is verified (its RSA signature, its
 * issuer and times) once per instance instead of on every request an app makes with it: the apps send the same
 * token for its whole lifetime, and verification was 4–12 % of every service's CPU under load.
 *
 * <p>A verified signature stays valid, and the token string is the claims it signs, so a hit is as good as a new
 * check. The one difference: a signing key pulled from the JWKS in an emergency (a rotated key stays published for a
 * token lifetime anyway) stops tokens it signed only as they expire, at most 15 minutes later here, not at the next
 * key refresh; restart the instances to cut that short. Tokens without {@code exp} are never remembered; neither are
 * failures. Bounded by {@code security.verified-tokens.max-size} tokens.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder decoder, long maxSize, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, Jwt>creating(
                        (token, jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt checked = decoder.decode(token);
        Instant expiresAt = checked.getExpiresAt();
        if (expiresAt != null && clock.instant().isBefore(expiresAt)) {
            verified.put(token, checked);
        }
        return checked;
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
