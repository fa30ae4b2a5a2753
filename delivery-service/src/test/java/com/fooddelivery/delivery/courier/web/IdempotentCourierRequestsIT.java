package com.fooddelivery.delivery.courier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key on the courier app's requests (the shared {@code infra/idempotency} filter), on real PostgreSQL. */
@ServiceIntegrationTest
class IdempotentCourierRequestsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_retried_availability_report_is_replayed_and_a_changed_one_with_the_same_key_is_refused() throws Exception {
        UUID courier = UUID.randomUUID();
        // Keys are scoped per user (the token's subject): the app retries with the token it holds.
        String token = TestTokens.courier(courier);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = put(token, key, availability(true, 12.97));
        HttpResponse<String> retry = put(token, key, availability(true, 12.97));
        HttpResponse<String> changed = put(token, key, availability(false, 12.97));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(changed.body()).get("type").asString())
                .isEqualTo("https://fooddelivery.example/problems/idempotency-key-reused");
        assertThat(jdbc.queryForObject("select online from courier where id = ?", Boolean.class, courier))
                .as("the refused request changed nothing")
                .isTrue();
    }

    @Test
    void keys_are_scoped_per_courier() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        HttpResponse<String> first = put(TestTokens.courier(one), key, availability(true, 12.97));
        HttpResponse<String> second = put(TestTokens.courier(other), key, availability(false, 13.01));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(jdbc.queryForObject("select online from courier where id = ?", Boolean.class, other))
                .isFalse();
    }

    private static String availability(boolean online, double lat) {
        return JSON.writeValueAsString(Map.of("online", online, "lat", lat, "lon", 77.59));
    }

    private HttpResponse<String> put(String authorization, String key, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/couriers/me/availability"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .header("Idempotency-Key", key)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
