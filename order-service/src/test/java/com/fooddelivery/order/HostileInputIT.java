package com.fooddelivery.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.order.catalog.OutboxLog;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hostile or broken client sends to order-service, one case per row: malformed and mistyped JSON, payloads
 * too large, out-of-range quantities, unknown and foreign items, injection strings, bad tokens and wrong roles. Each
 * must be answered with the right status and a well-formed problem (never a stack trace), and must change nothing:
 * no event, account, restaurant or menu row, idempotency key, and no outbox message, which is the only way anything
 * reaches Kafka and, through it, query-service's Elasticsearch.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "auth.demo-accounts=true")
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SARAVANA = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String PUNJAB_GRILL = "1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final String COFFEE = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e23";
    private static final String SOLD_OUT = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e24";
    private static final String PIZZA_ELSEWHERE = "c5a3b2e4-9d7f-4a0c-9e53-4b8f0d6c9a41";

    private static final String CUSTOMER = TestTokens.customer(UUID.randomUUID());
    private static final String STAFF = TestTokens.restaurant(UUID.fromString(SARAVANA));
    private static final String OTHER_STAFF = TestTokens.restaurant(UUID.fromString(PUNJAB_GRILL));
    private static final String COURIER = TestTokens.courier(UUID.randomUUID());
    private static final String ADMIN = TestTokens.admin();

    private static final String ORDER = """
            {"restaurantId":"%s","items":[{"itemId":"%s","quantity":1}],"paymentMethod":"UPI",
             "deliveryAddress":{"line1":"12 MG Road","city":"Bengaluru","lat":12.97,"lon":77.59}}""".formatted(SARAVANA, DOSA);
    private static final String RESTAURANT = """
            {"name":"Thali House","cuisine":"Gujarati","location":{"lat":12.93,"lon":77.62},
             "openingHours":{"opensAt":"00:00","closesAt":"00:00","timeZone":"Asia/Kolkata"},
             "menu":[{"name":"Veg Thali","price":{"amountMinor":25000,"currency":"INR"},"available":true}]}""";
    private static final String MENU_ITEM = """
            {"name":"Masala Dosa","price":{"amountMinor":12000,"currency":"INR"},"available":true}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void logOutbox() {
        OutboxLog.install(jdbc);
    }

    /** A request, the status it must get, and the problem type (null: any, for Spring's own untyped problems). */
    record Case(
            String method,
            String path,
            String authorization,
            String contentType,
            byte[] body,
            String idempotencyKey,
            int status,
            String type) {

        static Case of(
                String method,
                String path,
                String authorization,
                String contentType,
                String body,
                int status,
                String type) {
            return new Case(
                    method,
                    path,
                    authorization,
                    contentType,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString(),
                    status,
                    type);
        }

        static Case post(String path, String authorization, String body, int status, String type) {
            return of("POST", path, authorization, "application/json", body, status, type);
        }

        static Case put(String path, String authorization, String body, int status, String type) {
            return of("PUT", path, authorization, "application/json", body, status, type);
        }

        static Case order(String body, int status, String type) {
            return post("/orders", CUSTOMER, body, status, type);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void is_refused_with_a_problem_and_changes_nothing(String name, Case hostile) throws Exception {
        Map<String, Object> before = state();

        HttpResponse<String> response = send(hostile);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(hostile.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(hostile.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString())
                .isEqualTo(URI.create(hostile.path()).getRawPath());
        if (hostile.type() != null) {
            assertThat(problem.path("type").asString())
                    .as(response.body())
                    .isEqualTo("https://fooddelivery.example/problems/" + hostile.type());
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework", "SQL");
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // Malformed JSON and wrong shapes.
        add(cases, "truncated JSON", Case.order("{\"restaurantId\":", 400, "malformed-json"));
        add(cases, "an array body", Case.order("[]", 400, "invalid-request"));
        add(cases, "an empty body", Case.order("", 400, "malformed-json"));
        add(cases, "a null body", Case.order("null", 400, "malformed-json"));
        add(cases, "a string body", Case.order("\"order\"", 400, "invalid-request"));
        add(cases, "garbage after the object", Case.order(ORDER + "}", 400, "malformed-json"));
        add(cases, "not JSON at all", Case.order("restaurantId=1&items=2", 400, "malformed-json"));
        add(
                cases,
                "a duplicated field",
                Case.order(
                        ORDER.replace(
                                "{\"restaurantId\"", "{\"restaurantId\":\"" + PUNJAB_GRILL + "\",\"restaurantId\""),
                        400,
                        "malformed-json"));
        add(cases, "JSON nested 5,000 deep", Case.order("[".repeat(5000) + "]".repeat(5000), 400, "invalid-request"));
        add(cases, "a NaN latitude", Case.order(ORDER.replace("12.97", "NaN"), 400, "malformed-json"));
        add(
                cases,
                "invalid UTF-8",
                new Case(
                        "POST",
                        "/orders",
                        CUSTOMER,
                        "application/json",
                        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                        UUID.randomUUID().toString(),
                        400,
                        "malformed-json"));
        add(
                cases,
                "an unknown field",
                Case.order(
                        ORDER.replace("\"paymentMethod\"", "\"price\":1,\"paymentMethod\""), 400, "invalid-request"));
        add(
                cases,
                "an unknown field in an item",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":1,\"priceMinor\":1"), 400, "invalid-request"));
        add(
                cases,
                "a customer id in the body",
                Case.order(
                        ORDER.replace(
                                "\"paymentMethod\"", "\"customerId\":\"" + UUID.randomUUID() + "\",\"paymentMethod\""),
                        400,
                        "invalid-request"));
        // Wrong types.
        add(
                cases,
                "a restaurant id that is not a UUID",
                Case.order(ORDER.replace(SARAVANA, "saravana"), 400, "invalid-request"));
        add(
                cases,
                "a numeric restaurant id",
                Case.order(ORDER.replace("\"" + SARAVANA + "\"", "42"), 400, "invalid-request"));
        add(
                cases,
                "items as an object",
                Case.order(
                        ORDER.replace("[{\"itemId\"", "{\"x\":{\"itemId\"")
                                .replace("\"quantity\":1}]", "\"quantity\":1}}"),
                        400,
                        "invalid-request"));
        add(
                cases,
                "a quantity as text",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":\"one\""), 400, "invalid-request"));
        add(
                cases,
                "a quantity as the string \"2\"",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":\"2\""), 400, "invalid-request"));
        add(
                cases,
                "availability as the string \"true\"",
                Case.post(
                        "/restaurants",
                        ADMIN,
                        RESTAURANT.replace("\"available\":true", "\"available\":\"true\""),
                        400,
                        "invalid-request"));
        add(
                cases,
                "a fractional quantity",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":1.5"), 400, "invalid-request"));
        add(
                cases,
                "a quantity as a boolean",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":true"), 400, "invalid-request"));
        add(cases, "a latitude as text", Case.order(ORDER.replace("12.97", "\"north\""), 400, "invalid-request"));
        add(cases, "an unknown payment method", Case.order(ORDER.replace("UPI", "BITCOIN"), 400, "invalid-request"));
        add(cases, "a lower-case payment method", Case.order(ORDER.replace("UPI", "upi"), 400, "invalid-request"));
        add(
                cases,
                "an address as a string",
                Case.order(ORDER.replaceAll("\\{\"line1\".*}}", "\"12 MG Road\"}"), 400, "invalid-request"));
        // Missing and out-of-range values.
        add(cases, "no items", Case.order(ORDER.replaceAll("\\[\\{.*}]", "[]"), 400, "invalid-request"));
        add(cases, "items null", Case.order(ORDER.replaceAll("\\[\\{.*}]", "null"), 400, "invalid-request"));
        add(cases, "a null item", Case.order(ORDER.replaceAll("\\[\\{.*}]", "[null]"), 400, "invalid-request"));
        add(cases, "51 items", Case.order(ORDER.replaceAll("\\[\\{.*}]", items(51)), 400, "invalid-request"));
        add(
                cases,
                "a quantity of zero",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":0"), 400, "invalid-request"));
        add(
                cases,
                "a negative quantity",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":-3"), 400, "invalid-request"));
        add(
                cases,
                "a quantity of 51",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":51"), 400, "invalid-request"));
        add(
                cases,
                "a quantity past int",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":2147483648"), 400, "malformed-json"));
        add(
                cases,
                "a quantity of 1e100",
                Case.order(ORDER.replace("\"quantity\":1", "\"quantity\":1e100"), 400, "invalid-request"));
        add(cases, "no quantity", Case.order(ORDER.replace(",\"quantity\":1", ""), 400, "invalid-request"));
        add(
                cases,
                "no payment method",
                Case.order(ORDER.replace("\"paymentMethod\":\"UPI\",", ""), 400, "invalid-request"));
        add(
                cases,
                "no address",
                Case.order(ORDER.replaceAll(",\\s*\"deliveryAddress\".*}}", "}"), 400, "invalid-request"));
        add(
                cases,
                "a blank first address line",
                Case.order(ORDER.replace("12 MG Road", "   "), 400, "invalid-request"));
        add(
                cases,
                "a 201-character address line",
                Case.order(ORDER.replace("12 MG Road", "x".repeat(201)), 400, "invalid-request"));
        add(
                cases,
                "a 101-character city",
                Case.order(ORDER.replace("Bengaluru", "y".repeat(101)), 400, "invalid-request"));
        add(cases, "a latitude of 91", Case.order(ORDER.replace("12.97", "91"), 400, "invalid-request"));
        add(cases, "a longitude of -181", Case.order(ORDER.replace("77.59", "-181"), 400, "invalid-request"));
        add(
                cases,
                "a 2 MB address line",
                Case.order(ORDER.replace("12 MG Road", "z".repeat(2_000_000)), 413, "payload-too-large"));
        // Things that do not exist or are not the restaurant's.
        add(
                cases,
                "an unknown item",
                Case.order(ORDER.replace(DOSA, UUID.randomUUID().toString()), 422, "unknown-item"));
        add(cases, "another restaurant's item", Case.order(ORDER.replace(DOSA, PIZZA_ELSEWHERE), 422, "unknown-item"));
        add(cases, "a sold-out item", Case.order(ORDER.replace(DOSA, SOLD_OUT), 422, "item-unavailable"));
        add(
                cases,
                "an unknown restaurant",
                Case.order(ORDER.replace(SARAVANA, UUID.randomUUID().toString()), 422, "unknown-restaurant"));
        // Injection strings where an id or a name is expected.
        add(
                cases,
                "SQL in the restaurant id",
                Case.order(ORDER.replace(SARAVANA, "' OR '1'='1"), 400, "invalid-request"));
        add(
                cases,
                "SQL in an item id",
                Case.order(ORDER.replace(DOSA, "1; drop table account; --"), 400, "invalid-request"));
        add(
                cases,
                "a script in the payment method",
                Case.order(ORDER.replace("UPI", "<script>alert(1)</script>"), 400, "invalid-request"));
        add(
                cases,
                "a path traversal as the order id",
                Case.post("/orders/..%2F..%2Fetc%2Fpasswd/cancel", CUSTOMER, "", 400, null));
        add(
                cases,
                "SQL as the order id",
                Case.post("/orders/1'%20or%201=1/cancel", CUSTOMER, "", 400, "invalid-request"));
        // Headers and media types.
        add(
                cases,
                "an idempotency key of 101 characters",
                new Case(
                        "POST",
                        "/orders",
                        CUSTOMER,
                        "application/json",
                        ORDER.getBytes(StandardCharsets.UTF_8),
                        "k".repeat(101),
                        400,
                        "invalid-request"));
        add(cases, "text/plain", Case.of("POST", "/orders", CUSTOMER, "text/plain", ORDER, 415, null));
        add(cases, "XML", Case.of("POST", "/orders", CUSTOMER, "application/xml", "<order/>", 415, null));
        add(cases, "no content type", Case.of("POST", "/orders", CUSTOMER, null, ORDER, 415, null));
        add(cases, "PUT on /orders", Case.put("/orders", CUSTOMER, ORDER, 405, null));
        // Tokens.
        add(cases, "an order without a token", Case.post("/orders", null, ORDER, 401, "unauthenticated"));
        add(
                cases,
                "an expired token",
                Case.post("/orders", TestTokens.expiredCustomer(UUID.randomUUID()), ORDER, 401, "invalid-token"));
        add(
                cases,
                "a token signed by an unknown key",
                Case.post("/orders", TestTokens.forgedCustomer(UUID.randomUUID()), ORDER, 401, "invalid-token"));
        add(
                cases,
                "an unsigned alg=none token",
                Case.post("/orders", TestTokens.unsignedCustomer(UUID.randomUUID()), ORDER, 401, "invalid-token"));
        add(
                cases,
                "a token of another issuer",
                Case.post(
                        "/orders",
                        TestTokens.withClaims(Map.of(
                                "iss",
                                "https://evil.example",
                                "sub",
                                UUID.randomUUID().toString(),
                                "roles",
                                List.of("CUSTOMER"))),
                        ORDER,
                        401,
                        "invalid-token"));
        add(cases, "a garbage bearer token", Case.post("/orders", "Bearer abc.def.ghi", ORDER, 401, "invalid-token"));
        add(
                cases,
                "basic credentials",
                Case.post("/orders", "Basic YWRtaW46ZGVtby1wYXNzd29yZA==", ORDER, 401, "unauthenticated"));
        add(
                cases,
                "a customer whose subject is not a UUID",
                Case.post(
                        "/orders",
                        TestTokens.withClaims(Map.of("sub", "alice", "roles", List.of("CUSTOMER"))),
                        ORDER,
                        403,
                        "role-required"));
        // Wrong roles.
        add(cases, "restaurant staff placing an order", Case.post("/orders", STAFF, ORDER, 403, "forbidden"));
        add(cases, "a courier placing an order", Case.post("/orders", COURIER, ORDER, 403, "forbidden"));
        add(cases, "an admin placing an order", Case.post("/orders", ADMIN, ORDER, 403, "forbidden"));
        add(
                cases,
                "a courier cancelling an order",
                Case.post("/orders/" + UUID.randomUUID() + "/cancel", COURIER, "", 403, "forbidden"));
        add(
                cases,
                "cancelling an order that is not the customer's",
                Case.post("/orders/" + UUID.randomUUID() + "/cancel", CUSTOMER, "", 404, "order-not-found"));
        // Sign-up and sign-in.
        add(
                cases,
                "a two-letter username",
                Case.post("/auth/register", null, credentials("ab", "long enough"), 400, "invalid-request"));
        add(
                cases,
                "a 51-character username",
                Case.post("/auth/register", null, credentials("u".repeat(51), "long enough"), 400, "invalid-request"));
        add(
                cases,
                "a username with a space",
                Case.post("/auth/register", null, credentials("a b c", "long enough"), 400, "invalid-request"));
        add(
                cases,
                "SQL as a new username",
                Case.post("/auth/register", null, credentials("admin'--", "long enough"), 400, "invalid-request"));
        add(
                cases,
                "a script as a new username",
                Case.post(
                        "/auth/register",
                        null,
                        credentials("<script>x</script>", "long enough"),
                        400,
                        "invalid-request"));
        add(
                cases,
                "a seven-character password",
                Case.post("/auth/register", null, credentials("newuser1", "1234567"), 400, "invalid-request"));
        add(
                cases,
                "a 73-character password",
                Case.post("/auth/register", null, credentials("newuser2", "p".repeat(73)), 400, "invalid-request"));
        add(
                cases,
                "a password over bcrypt's 72 bytes",
                Case.post("/auth/register", null, credentials("newuser3", "த".repeat(30)), 400, "invalid-request"));
        add(
                cases,
                "no password",
                Case.post("/auth/register", null, "{\"username\":\"newuser4\"}", 400, "invalid-request"));
        add(
                cases,
                "signing up as ADMIN",
                Case.post(
                        "/auth/register",
                        null,
                        "{\"username\":\"newuser5\",\"password\":\"long enough\",\"role\":\"ADMIN\"}",
                        400,
                        "invalid-request"));
        add(
                cases,
                "signing up with roles",
                Case.post(
                        "/auth/register",
                        null,
                        "{\"username\":\"newuser6\",\"password\":\"long enough\",\"roles\":[\"ADMIN\"]}",
                        400,
                        "invalid-request"));
        add(
                cases,
                "a taken username",
                Case.post("/auth/register", null, credentials("ADMIN", "long enough"), 409, "username-taken"));
        add(cases, "a malformed sign-up", Case.post("/auth/register", null, "{\"username\":", 400, "malformed-json"));
        add(
                cases,
                "a wrong password",
                Case.post("/auth/token", null, credentials("admin", "not-the-password"), 401, "invalid-credentials"));
        add(
                cases,
                "an unknown user",
                Case.post(
                        "/auth/token",
                        null,
                        credentials("nobody-at-all", "demo-password"),
                        401,
                        "invalid-credentials"));
        add(
                cases,
                "SQL as the username",
                Case.post("/auth/token", null, credentials("' OR '1'='1", "x' OR '1'='1"), 401, "invalid-credentials"));
        add(
                cases,
                "a blank username",
                Case.post("/auth/token", null, credentials(" ", "demo-password"), 400, "invalid-request"));
        add(
                cases,
                "a 10 KB password",
                Case.post("/auth/token", null, credentials("admin", "p".repeat(10_000)), 400, "invalid-request"));
        add(
                cases,
                "GET on the token endpoint",
                Case.of("GET", "/auth/token", null, null, null, 401, "unauthenticated"));
        // Accounts made by an admin.
        String staff =
                "{\"username\":\"kitchen9\",\"password\":\"long enough\",\"role\":\"RESTAURANT\",\"restaurantId\":\""
                        + SARAVANA + "\"}";
        add(cases, "a customer creating staff", Case.post("/admin/users", CUSTOMER, staff, 403, "forbidden"));
        add(cases, "staff creating staff", Case.post("/admin/users", STAFF, staff, 403, "forbidden"));
        add(cases, "creating staff without a token", Case.post("/admin/users", null, staff, 401, "unauthenticated"));
        add(
                cases,
                "an unknown role",
                Case.post("/admin/users", ADMIN, staff.replace("RESTAURANT", "GOD"), 400, "invalid-request"));
        add(
                cases,
                "staff without a restaurant",
                Case.post(
                        "/admin/users",
                        ADMIN,
                        staff.replace(",\"restaurantId\":\"" + SARAVANA + "\"", ""),
                        400,
                        "invalid-request"));
        add(
                cases,
                "a customer with a restaurant",
                Case.post("/admin/users", ADMIN, staff.replace("RESTAURANT", "CUSTOMER"), 400, "invalid-request"));
        add(
                cases,
                "a courier with a restaurant",
                Case.post("/admin/users", ADMIN, staff.replace("RESTAURANT", "COURIER"), 400, "invalid-request"));
        add(
                cases,
                "staff of an unknown restaurant",
                Case.post(
                        "/admin/users",
                        ADMIN,
                        staff.replace(SARAVANA, UUID.randomUUID().toString()),
                        422,
                        "staff-restaurant-unknown"));
        // The catalog.
        add(cases, "a customer adding a restaurant", Case.post("/restaurants", CUSTOMER, RESTAURANT, 403, "forbidden"));
        add(cases, "staff adding a restaurant", Case.post("/restaurants", STAFF, RESTAURANT, 403, "forbidden"));
        add(cases, "a malformed restaurant", Case.post("/restaurants", ADMIN, "{\"name\":", 400, "malformed-json"));
        add(
                cases,
                "a blank restaurant name",
                Case.post("/restaurants", ADMIN, RESTAURANT.replace("Thali House", " "), 400, "invalid-request"));
        add(
                cases,
                "a 121-character restaurant name",
                Case.post(
                        "/restaurants",
                        ADMIN,
                        RESTAURANT.replace("Thali House", "n".repeat(121)),
                        400,
                        "invalid-request"));
        add(
                cases,
                "a menu of 201 items",
                Case.post(
                        "/restaurants",
                        ADMIN,
                        RESTAURANT.replaceAll("\"menu\":\\[.*]", "\"menu\":" + menu(201)),
                        400,
                        "invalid-request"));
        add(
                cases,
                "a negative price",
                Case.post("/restaurants", ADMIN, RESTAURANT.replace("25000", "-1"), 400, "invalid-request"));
        add(
                cases,
                "a fractional price",
                Case.post("/restaurants", ADMIN, RESTAURANT.replace("25000", "250.5"), 400, "invalid-request"));
        add(
                cases,
                "an unknown currency",
                Case.post("/restaurants", ADMIN, RESTAURANT.replace("INR", "RUPEES"), 400, "invalid-request"));
        add(
                cases,
                "a latitude of 100",
                Case.post("/restaurants", ADMIN, RESTAURANT.replace("12.93", "100"), 400, "invalid-request"));
        add(
                cases,
                "an opening at 25:00",
                Case.post(
                        "/restaurants",
                        ADMIN,
                        RESTAURANT.replace("\"opensAt\":\"00:00\"", "\"opensAt\":\"25:00\""),
                        400,
                        "invalid-request"));
        add(
                cases,
                "an unknown time zone",
                Case.post(
                        "/restaurants",
                        ADMIN,
                        RESTAURANT.replace("Asia/Kolkata", "Mars/Olympus"),
                        400,
                        "invalid-request"));
        String menu = "{\"items\":[" + MENU_ITEM + "]}";
        add(
                cases,
                "staff changing another restaurant's menu",
                Case.put("/restaurants/" + PUNJAB_GRILL + "/menu", STAFF, menu, 403, "not-your-restaurant"));
        add(
                cases,
                "a customer changing a menu",
                Case.put("/restaurants/" + SARAVANA + "/menu", CUSTOMER, menu, 403, "forbidden"));
        add(
                cases,
                "a menu item id not on the menu",
                Case.put(
                        "/restaurants/" + SARAVANA + "/menu",
                        STAFF,
                        "{\"items\":["
                                + MENU_ITEM.replace("{\"name\"", "{\"itemId\":\"" + PIZZA_ELSEWHERE + "\",\"name\"")
                                + "]}",
                        422,
                        "unknown-menu-item"));
        add(
                cases,
                "a menu item listed twice",
                Case.put(
                        "/restaurants/" + SARAVANA + "/menu",
                        STAFF,
                        "{\"items\":[" + MENU_ITEM.replace("{\"name\"", "{\"itemId\":\"" + DOSA + "\",\"name\"") + ","
                                + MENU_ITEM.replace("{\"name\"", "{\"itemId\":\"" + DOSA + "\",\"name\"") + "]}",
                        422,
                        "duplicate-menu-item"));
        add(
                cases,
                "a menu in two currencies",
                Case.put(
                        "/restaurants/" + SARAVANA + "/menu",
                        STAFF,
                        "{\"items\":[" + MENU_ITEM + ","
                                + MENU_ITEM.replace("INR", "USD").replace("Masala Dosa", "Coffee") + "]}",
                        422,
                        "mixed-currencies"));
        add(
                cases,
                "a menu of an unknown restaurant",
                Case.put("/restaurants/" + UUID.randomUUID() + "/menu", ADMIN, menu, 404, "restaurant-not-found"));
        add(
                cases,
                "a menu of restaurant 'abc'",
                Case.put("/restaurants/abc/menu", ADMIN, menu, 400, "invalid-request"));
        // The kitchen's actions.
        String accept = "/restaurants/" + SARAVANA + "/orders/" + UUID.randomUUID() + "/accept";
        add(
                cases,
                "a preparation time of zero",
                Case.post(accept, STAFF, "{\"prepTimeMinutes\":0}", 400, "invalid-request"));
        add(
                cases,
                "a preparation time of 181 minutes",
                Case.post(accept, STAFF, "{\"prepTimeMinutes\":181}", 400, "invalid-request"));
        add(
                cases,
                "a preparation time as text",
                Case.post(accept, STAFF, "{\"prepTimeMinutes\":\"soon\"}", 400, "invalid-request"));
        add(
                cases,
                "a blank rejection reason",
                Case.post(accept.replace("/accept", "/reject"), STAFF, "{\"reason\":\"  \"}", 400, "invalid-request"));
        add(
                cases,
                "a 301-character rejection reason",
                Case.post(
                        accept.replace("/accept", "/reject"),
                        STAFF,
                        "{\"reason\":\"" + "r".repeat(301) + "\"}",
                        400,
                        "invalid-request"));
        add(
                cases,
                "accepting an unknown order",
                Case.post(accept, STAFF, "{\"prepTimeMinutes\":20}", 404, "order-not-found"));
        add(
                cases,
                "another restaurant's staff accepting",
                Case.post(accept, OTHER_STAFF, "{\"prepTimeMinutes\":20}", 403, "not-your-restaurant"));
        add(cases, "a customer accepting", Case.post(accept, CUSTOMER, "{\"prepTimeMinutes\":20}", 403, "forbidden"));
        add(
                cases,
                "a courier marking an order ready",
                Case.post(accept.replace("/accept", "/ready"), COURIER, "", 403, "forbidden"));
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, Case hostile) {
        cases.add(Arguments.of(name, hostile));
    }

    /** Every table a request could change, and the count of messages written to the outbox (Kafka's only source). */
    private Map<String, Object> state() {
        return Map.of(
                "events", count("select count(*) from domainevententry"),
                "accounts", count("select count(*) from account"),
                "restaurants", count("select count(*) || ':' || coalesce(sum(version), 0) from restaurant"),
                "menu items", count("select count(*) from menu_item"),
                "idempotency keys", count("select count(*) from idempotency_key"),
                "outbox messages", count("select count(*) from test_outbox_log"));
    }

    private String count(String sql) {
        return jdbc.queryForObject(sql, String.class);
    }

    private HttpResponse<String> send(Case hostile) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.path()))
                .method(
                        hostile.method(),
                        hostile.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.authorization() != null) {
            request.header("Authorization", hostile.authorization());
        }
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        request.header("Idempotency-Key", hostile.idempotencyKey());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String credentials(String username, String password) {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    private static String items(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"itemId\":\"" + (i % 2 == 0 ? DOSA : COFFEE) + "\",\"quantity\":1}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String menu(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> MENU_ITEM.replace("Masala Dosa", "Dish " + i))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
