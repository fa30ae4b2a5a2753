package com.fooddelivery.idempotency;

/** The part of a successful response that a retry gets again: status, {@code Location}, {@code Content-Type}, body. */
public record StoredResponse(int status, String location, String contentType, byte[] body) {

    /** Only a success is kept: after a 4xx or 5xx the client may correct the request and retry with the same key. */
    public static boolean isStored(int status) {
        return status >= 200 && status < 300;
    }
}
