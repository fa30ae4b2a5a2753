package com.fooddelivery.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a key was first used for. The body is compared byte for byte (its SHA-256): a client retrying sends the bytes it
 * sent before, and two bodies that differ only in whitespace or field order are treated as different requests.
 *
 * @param path the request URI with its query string
 * @param bodySha256 the lower-case hex SHA-256 of the raw body (of no bytes when there is no body)
 */
public record RequestFingerprint(String method, String path, String bodySha256) {

    public static RequestFingerprint of(String method, String path, byte[] body) {
        return new RequestFingerprint(method, path, sha256(body));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
