package com.fooddelivery.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Blocking HTTP calls for what happens outside the measured load: making the run's accounts and restaurants before
 * it, reading the orders' final states after it. Not used by the virtual users (Gatling's own client serves them).
 *
 * <p>Sign-up and sign-in have no token, so the per-client rate limit counts them per address, and every one of them
 * comes from this machine: over the limit ({@code 429}) a call is sent again after the {@code Retry-After} it names.
 */
final class ServiceCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /** A {@code POST} with a JSON body and an {@code Idempotency-Key}, so a retry after a {@code 429} is safe. */
    JsonNode post(URI uri, String authorization, Object body, int expectedStatus) {
        return expect(expectedStatus, send(withBody("POST", uri, authorization, body)));
    }

    /** A {@code PUT} with a JSON body and an {@code Idempotency-Key}. */
    JsonNode put(URI uri, String authorization, Object body, int expectedStatus) {
        return expect(expectedStatus, send(withBody("PUT", uri, authorization, body)));
    }

    private static HttpRequest withBody(String method, URI uri, String authorization, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** A {@code GET}; answers the response whatever its status. */
    HttpResponse<String> get(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        try {
            while (true) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || System.nanoTime() > deadline) {
                    return response;
                }
                long seconds =
                        response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return read(response.body());
    }

    /** The JSON of a body; a missing node for an empty one (a {@code 204}). */
    static JsonNode read(String json) {
        if (json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
