package com.fooddelivery.order.account.token;

import com.fooddelivery.order.account.application.Account;
import com.fooddelivery.security.Role;
import com.fooddelivery.security.TokenClaims;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs short-lived RS256 access tokens: subject, role, and the restaurant or courier the account is. */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public record AccessToken(String value, long expiresInSeconds) {}

    public AccessToken issue(Account account) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .claim("preferred_username", account.username())
                .claim(TokenClaims.ROLES, List.of(account.role().name()));
        if (account.role() == Role.RESTAURANT) {
            claims.claim(TokenClaims.RESTAURANT_ID, account.restaurantId().toString());
        }
        if (account.role() == Role.COURIER) {
            claims.claim(TokenClaims.COURIER_ID, account.courierId().toString());
        }
        RSAKey key = keys.signingKey();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        String token = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(header, claims.build()))
                .getTokenValue();
        return new AccessToken(token, properties.tokenLifetime().toSeconds());
    }
}
