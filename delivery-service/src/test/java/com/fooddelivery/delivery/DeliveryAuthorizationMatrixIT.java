package com.fooddelivery.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of delivery-service × every kind of caller. Only a courier gets past the role check: another
 * courier's (here: an unknown) delivery is a 404 like a missing one, and nobody else changes anything. A courier's own
 * delivery, offered and accepted, is followed to the door in {@code CourierDispatchIT}.
 */
@ServiceIntegrationTest
class DeliveryAuthorizationMatrixIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POSITION = "{\"lat\":12.97,\"lon\":77.6}";

    private static final Map<String, Supplier<String>> CALLERS = Map.of(
            "anonymous", () -> null,
            "a customer", () -> TestTokens.customer(UUID.randomUUID()),
            "restaurant staff", () -> TestTokens.restaurant(UUID.randomUUID()),
            "an admin", TestTokens::admin,
            "a courier", () -> TestTokens.courier(UUID.randomUUID()));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        String someoneElses = "/deliveries/" + UUID.randomUUID();
        row(cells, "PUT", "/couriers/me/availability", "{\"online\":false,\"lat\":12.97,\"lon\":77.6}", 200, null);
        // A courier who never reported availability is unknown here: past the role check, refused by the domain.
        row(cells, "PUT", "/couriers/me/location", POSITION, 404, "courier-not-found");
        row(cells, "GET", "/couriers/me/offer", null, 404, "no-offer");
        for (String action : List.of("accept", "decline", "pickup", "deliver")) {
            row(cells, "POST", someoneElses + "/" + action, null, 404, "delivery-not-found");
        }
        return cells.stream();
    }

    /** The courier gets {@code courierStatus}; no token 401; every other role 403. */
    private static void row(
            List<Arguments> cells, String method, String path, String body, int courierStatus, String courierType) {
        CALLERS.keySet().forEach(caller -> {
            int status =
                    switch (caller) {
                        case "anonymous" -> 401;
                        case "a courier" -> courierStatus;
                        default -> 403;
                    };
            String type =
                    switch (caller) {
                        case "anonymous" -> "unauthenticated";
                        case "a courier" -> courierType;
                        default -> "forbidden";
                    };
            cells.add(Arguments.of(
                    method + " " + path.replaceAll("[0-9a-f-]{36}", "{someone else's}"),
                    caller,
                    status,
                    type,
                    method,
                    path,
                    body));
        });
    }

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @MethodSource("cells")
    void answers(String endpoint, String caller, int status, String type, String method, String path, String body)
            throws Exception {
        String before = state();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String token = CALLERS.get(caller).get();
        if (token != null) {
            request.header("Authorization", token);
        }

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (type != null) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/" + type);
        }
        if (status >= 400) {
            assertThat(state()).as("a refused call changes nothing").isEqualTo(before);
        }
    }

    private String state() {
        return jdbc.queryForObject(
                "select (select count(*) from courier) || ':' || (select count(*) from delivery)", String.class);
    }
}
