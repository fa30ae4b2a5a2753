package com.fooddelivery.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Until authentication exists, callers name themselves with a header: the first of {@code X-Customer-Id},
 * {@code X-Courier-Id}, {@code X-Restaurant-Id} that is present, prefixed with its kind so a customer and a courier
 * with the same id never share keys. Requests naming none share the empty caller.
 */
public class HeaderCallerIdentity implements CallerIdentity {

    private static final List<String> HEADERS = List.of("X-Customer-Id", "X-Courier-Id", "X-Restaurant-Id");

    @Override
    public String of(HttpServletRequest request) {
        for (String header : HEADERS) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return header + ":" + value.strip();
            }
        }
        return "";
    }
}
