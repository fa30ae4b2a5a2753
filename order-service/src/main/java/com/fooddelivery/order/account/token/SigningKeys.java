package com.fooddelivery.order.account.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens, kept in the orders database so every instance signs with the same key and a
 * restart invalidates no token. The first key is made at first start; when the newest is older than
 * {@code auth.key-rotation-period}, the next caller makes a successor (one instance at a time, under an advisory
 * lock). A replaced key stays in the JWKS for one token lifetime, so tokens it signed stay valid until they expire.
 */
@Component
public class SigningKeys {

    /** How long an instance trusts what it read; a key another instance made is seen within this time. */
    private static final Duration CACHE_TIME = Duration.ofSeconds(30);

    private static final long ROTATION_LOCK = 0x5167_4b65_7973L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuthProperties properties;
    private volatile Snapshot snapshot;

    public SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** The key that signs tokens now (with its private part). */
    public RSAKey signingKey() {
        return fresh().published().getFirst();
    }

    /** The public keys of every key whose tokens may still be valid, newest first: the JWKS. */
    public JWKSet publicKeys() {
        return new JWKSet(fresh().published().stream()
                .map(RSAKey::toPublicJWK)
                .map(JWK.class::cast)
                .toList());
    }

    /**
     * The published keys as a source for verifying tokens. A token naming a key this instance has not seen yet (made
     * by another instance a moment ago) rereads the keys once instead of being refused.
     */
    public JWKSource<SecurityContext> asVerificationSource() {
        return (JWKSelector selector, SecurityContext context) -> {
            List<JWK> found = selector.select(new JWKSet(List.copyOf(fresh().published())));
            return found.isEmpty()
                    ? selector.select(new JWKSet(List.copyOf(reload(false).published())))
                    : found;
        };
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(CACHE_TIME).isBefore(now) || needsKey(current.published(), now)) {
            return reload(true);
        }
        return current;
    }

    private synchronized Snapshot reload(boolean rotate) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        // Another thread has just reloaded: rereading again within a second would let anyone flood the database.
        if (current != null && current.readAt().plusSeconds(1).isAfter(now) && !needsKey(current.published(), now)) {
            return current;
        }
        Snapshot loaded = transactions.execute(status -> {
            List<RSAKey> keys = load(now);
            if (rotate && needsKey(keys, now)) {
                jdbc.sql("select pg_advisory_xact_lock(?)")
                        .param(ROTATION_LOCK)
                        .query((row, n) -> 0)
                        .list();
                keys = load(now);
                if (needsKey(keys, now)) {
                    insertSuccessor(now);
                    keys = load(now);
                }
            }
            return new Snapshot(now, keys);
        });
        snapshot = loaded;
        return loaded;
    }

    /** No key yet, or the newest has signed for its whole rotation period. */
    private boolean needsKey(List<RSAKey> newestFirst, Instant now) {
        return newestFirst.isEmpty()
                || newestFirst
                        .getFirst()
                        .getIssueTime()
                        .toInstant()
                        .plus(properties.keyRotationPeriod())
                        .isBefore(now);
    }

    private List<RSAKey> load(Instant now) {
        return jdbc.sql("""
                        select key_id, private_key, public_key, created_at from signing_key
                        where retired_at is null or retired_at > ?
                        order by created_at desc""")
                .param(Timestamp.from(now.minus(properties.tokenLifetime())))
                .query((row, number) -> rsaKey(
                        row.getString("key_id"),
                        row.getBytes("private_key"),
                        row.getBytes("public_key"),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    private void insertSuccessor(Instant now) {
        KeyPair pair = newKeyPair();
        String keyId = UUID.randomUUID().toString();
        jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
                .param(Timestamp.from(now))
                .update();
        jdbc.sql("insert into signing_key (key_id, private_key, public_key, created_at) values (?, ?, ?, ?)")
                .params(keyId, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), Timestamp.from(now))
                .update();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId, byte[] privateKey, byte[] publicKey, Instant createdAt) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(createdAt))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + keyId + " is unreadable", e);
        }
    }

    private record Snapshot(Instant readAt, List<RSAKey> published) {}
}
