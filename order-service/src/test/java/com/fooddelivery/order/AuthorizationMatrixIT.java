package com.fooddelivery.order;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of order-service × every kind of caller × their own or someone else's resource. An allowed cell
 * passes authorization and meets the endpoint's own rules (a 409 for an order not in the right state shows that);
 * a forbidden role is a 403, another customer's order a 404, and no token a 401.
 */
@ServiceIntegrationTest
class AuthorizationMatrixIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID SARAVANA = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    private static final UUID NAPOLI = UUID.fromString("2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32");
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final UUID OWNER = UUID.randomUUID();

    private static final Map<String, Supplier<String>> CALLERS = Map.of(
            "anonymous", () -> null,
            "the customer", () -> TestTokens.customer(OWNER),
            "another customer", () -> TestTokens.customer(UUID.randomUUID()),
            "the restaurant's staff", () -> TestTokens.restaurant(SARAVANA),
            "another restaurant's staff", () -> TestTokens.restaurant(NAPOLI),
            "a courier", () -> TestTokens.courier(UUID.randomUUID()),
            "an admin", TestTokens::admin);

    private static final String ORDER = """
            {"restaurantId":"%s","items":[{"itemId":"%s","quantity":1}],"paymentMethod":"UPI",
             "deliveryAddress":{"line1":"12 MG Road","city":"Bengaluru","lat":12.97,"lon":77.59}}""".formatted(SARAVANA, DOSA);
    private static final String MENU = """
            {"items":[{"name":"Margherita","price":{"amountMinor":39900,"currency":"INR"},"available":true}]}""";
    private static final String RESTAURANT = """
            {"name":"Thali House","cuisine":"Gujarati","location":{"lat":12.93,"lon":77.62},
             "openingHours":{"opensAt":"00:00","closesAt":"00:00","timeZone":"Asia/Kolkata"},"menu":[]}""";

    @LocalServerPort
    int port;

    /** An endpoint as a caller reaches it; {@code {order}} is replaced by a new order of the customer. */
    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> cells() {
        Endpoint place = new Endpoint("POST", "/orders", ORDER);
        Endpoint cancel = new Endpoint("POST", "/orders/{order}/cancel", "");
        Endpoint accept =
                new Endpoint("POST", "/restaurants/" + SARAVANA + "/orders/{order}/accept", "{\"prepTimeMinutes\":20}");
        Endpoint reject =
                new Endpoint("POST", "/restaurants/" + SARAVANA + "/orders/{order}/reject", "{\"reason\":\"Closed\"}");
        Endpoint ready = new Endpoint("POST", "/restaurants/" + SARAVANA + "/orders/{order}/ready", "");
        Endpoint otherAccept =
                new Endpoint("POST", "/restaurants/" + NAPOLI + "/orders/{order}/accept", "{\"prepTimeMinutes\":20}");
        Endpoint menu = new Endpoint("PUT", "/restaurants/" + NAPOLI + "/menu", MENU);
        Endpoint newRestaurant = new Endpoint("POST", "/restaurants", RESTAURANT);
        Endpoint newUser = new Endpoint(
                "POST",
                "/admin/users",
                "{\"username\":\"u-{random}\",\"password\":\"long enough\",\"role\":\"COURIER\"}");
        Endpoint register =
                new Endpoint("POST", "/auth/register", "{\"username\":\"u-{random}\",\"password\":\"long enough\"}");
        Endpoint jwks = new Endpoint("GET", "/.well-known/jwks.json", null);

        List<Arguments> cells = new ArrayList<>();
        // caller → expected status, per endpoint.
        cell(
                cells,
                place,
                Map.of(
                        "anonymous",
                        401,
                        "the customer",
                        202,
                        "another customer",
                        202,
                        "the restaurant's staff",
                        403,
                        "another restaurant's staff",
                        403,
                        "a courier",
                        403,
                        "an admin",
                        403));
        cell(
                cells,
                cancel,
                Map.of(
                        "anonymous",
                        401,
                        "the customer",
                        200,
                        "another customer",
                        404,
                        "the restaurant's staff",
                        403,
                        "another restaurant's staff",
                        403,
                        "a courier",
                        403,
                        "an admin",
                        403));
        // The order is PENDING: whoever may act on it gets the state conflict (409), nobody else gets that far.
        for (Endpoint kitchen : List.of(accept, reject, ready)) {
            cell(
                    cells,
                    kitchen,
                    Map.of(
                            "anonymous",
                            401,
                            "the customer",
                            403,
                            "another customer",
                            403,
                            "the restaurant's staff",
                            409,
                            "another restaurant's staff",
                            403,
                            "a courier",
                            403,
                            "an admin",
                            409));
        }
        // Another restaurant's staff naming their own restaurant: this order is not theirs.
        cell(
                cells,
                otherAccept,
                Map.of("another restaurant's staff", 404, "the restaurant's staff", 403, "an admin", 404));
        cell(
                cells,
                menu,
                Map.of(
                        "anonymous",
                        401,
                        "the customer",
                        403,
                        "another customer",
                        403,
                        "the restaurant's staff",
                        403,
                        "another restaurant's staff",
                        200,
                        "a courier",
                        403,
                        "an admin",
                        200));
        cell(
                cells,
                newRestaurant,
                Map.of(
                        "anonymous",
                        401,
                        "the customer",
                        403,
                        "the restaurant's staff",
                        403,
                        "a courier",
                        403,
                        "an admin",
                        201));
        cell(
                cells,
                newUser,
                Map.of(
                        "anonymous",
                        401,
                        "the customer",
                        403,
                        "the restaurant's staff",
                        403,
                        "a courier",
                        403,
                        "an admin",
                        201));
        cell(cells, register, Map.of("anonymous", 201, "the customer", 201));
        cell(cells, jwks, Map.of("anonymous", 200, "a courier", 200));
        return cells.stream();
    }

    private static void cell(List<Arguments> cells, Endpoint endpoint, Map<String, Integer> expected) {
        expected.forEach((caller, status) -> cells.add(Arguments.of(endpoint, caller, status)));
    }

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @MethodSource("cells")
    void answers(Endpoint endpoint, String caller, int expected) throws Exception {
        String path = endpoint.path();
        if (path.contains("{order}")) {
            path = path.replace("{order}", placeOrder());
        }
        String body = endpoint.body() == null
                ? null
                : endpoint.body()
                        .replace("{random}", UUID.randomUUID().toString().substring(0, 8));

        HttpResponse<String> response =
                send(endpoint.method(), path, body, CALLERS.get(caller).get());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private String placeOrder() throws Exception {
        HttpResponse<String> placed = send("POST", "/orders", ORDER, TestTokens.customer(OWNER));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return JSON.readTree(placed.body()).get("orderId").asString();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
