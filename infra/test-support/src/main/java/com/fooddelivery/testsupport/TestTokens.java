package com.fooddelivery.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An identity provider for tests of one service, standing in for order-service's token endpoint or an external OpenID
 * Connect provider: it signs RS256 access tokens with a key made for this JVM and serves that key as a JWKS over
 * HTTP, so services under test check tokens exactly as in production ({@link RealInfrastructure} points them at it).
 * Besides good tokens it makes the bad ones a hostile client sends: expired, signed by an unknown key, unsigned.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-identity-provider";

    private static final TestTokens INSTANCE = new TestTokens();

    private final RSAKey trusted = newKey("trusted");
    private final RSAKey untrusted = newKey("untrusted");
    private final HttpServer jwks;

    private TestTokens() {
        try {
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the test JWKS", e);
        }
        byte[] body = new JWKSet(trusted.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
    }

    /** Where services under test fetch the keys that sign these tokens. */
    public static String jwkSetUri() {
        return "http://127.0.0.1:" + INSTANCE.jwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** {@code Authorization} header values, one per role. */
    public static String customer(UUID customerId) {
        return bearer(
                INSTANCE.sign(INSTANCE.trusted, claims(customerId.toString(), "CUSTOMER"), Duration.ofMinutes(15)));
    }

    public static String restaurant(UUID restaurantId) {
        return bearer(INSTANCE.sign(
                INSTANCE.trusted,
                claims(UUID.randomUUID().toString(), "RESTAURANT", "restaurantId", restaurantId.toString()),
                Duration.ofMinutes(15)));
    }

    public static String courier(UUID courierId) {
        return bearer(INSTANCE.sign(
                INSTANCE.trusted,
                claims(UUID.randomUUID().toString(), "COURIER", "courierId", courierId.toString()),
                Duration.ofMinutes(15)));
    }

    public static String admin() {
        return bearer(
                INSTANCE.sign(INSTANCE.trusted, claims(UUID.randomUUID().toString(), "ADMIN"), Duration.ofMinutes(15)));
    }

    /** A customer's token whose lifetime ended a minute ago (beyond the decoders' 60 s clock skew). */
    public static String expiredCustomer(UUID customerId) {
        return bearer(
                INSTANCE.sign(INSTANCE.trusted, claims(customerId.toString(), "CUSTOMER"), Duration.ofMinutes(-2)));
    }

    /** A well-formed customer's token signed by a key the services never saw. */
    public static String forgedCustomer(UUID customerId) {
        return bearer(
                INSTANCE.sign(INSTANCE.untrusted, claims(customerId.toString(), "CUSTOMER"), Duration.ofMinutes(15)));
    }

    /** A customer's token with {@code "alg":"none"} and no signature. */
    public static String unsignedCustomer(UUID customerId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + customerId + "\",\"roles\":[\"CUSTOMER\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 900) + "}";
        return "Bearer " + base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A token with any claims (roles, ids, issuer), signed by the trusted key. */
    public static String withClaims(Map<String, Object> claims) {
        return bearer(INSTANCE.sign(INSTANCE.trusted, claims, Duration.ofMinutes(15)));
    }

    private static Map<String, Object> claims(String subject, String role, String... idClaim) {
        return idClaim.length == 0
                ? Map.of("sub", subject, "roles", List.of(role))
                : Map.of("sub", subject, "roles", List.of(role), idClaim[0], idClaim[1]);
    }

    private String sign(RSAKey key, Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        Instant expiry = now.plus(lifetime);
        JwtClaimsSet.Builder set = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .issuedAt(lifetime.isNegative() ? expiry.minus(Duration.ofMinutes(15)) : now)
                .expiresAt(expiry);
        claims.forEach(set::claim);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static RSAKey newKey(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(name + "-" + UUID.randomUUID())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
