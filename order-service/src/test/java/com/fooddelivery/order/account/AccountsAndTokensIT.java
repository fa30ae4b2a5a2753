package com.fooddelivery.order.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.order.account.token.AuthProperties;
import com.fooddelivery.order.account.token.SigningKeys;
import com.fooddelivery.testsupport.MovableClock;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service as the identity provider, on real PostgreSQL: sign-up, sign-in, the JWKS, accounts made by an ADMIN,
 * and its own tokens accepted by its own endpoints. No external provider is configured here (the empty
 * {@code jwk-set-uri}), so order-service checks tokens with its own keys, as it does by default.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=", "auth.demo-accounts=true"})
class AccountsAndTokensIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SARAVANA_BHAVAN = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_customer_registers_signs_in_and_places_an_order_as_themself() throws Exception {
        String username = "meera-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = post("/auth/register", credentials(username, "correct horse battery"), null);
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode account = JSON.readTree(registered.body());
        assertThat(account.get("role").asString()).isEqualTo("CUSTOMER");
        assertThat(account.has("password")).isFalse();

        HttpResponse<String> issued =
                post("/auth/token", credentials(username.toUpperCase(), "correct horse battery"), null);

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode token = JSON.readTree(issued.body());
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(900);
        JsonNode header = part(token.get("access_token").asString(), 0);
        JsonNode claims = part(token.get("access_token").asString(), 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(claims.get("sub").asString()).isEqualTo(account.get("id").asString());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(jwksKeyIds()).contains(header.get("kid").asString());

        HttpResponse<String> placed =
                post("/orders", order(), "Bearer " + token.get("access_token").asString());

        assertThat(placed.statusCode()).isEqualTo(202);
        String orderId = JSON.readTree(placed.body()).get("orderId").asString();
        assertThat(jdbc.queryForObject(
                        "select convert_from(payload, 'UTF8') from domainevententry where aggregateidentifier = ?"
                                + " and sequencenumber = 0",
                        String.class,
                        orderId))
                .as("the order is the signed-in customer's")
                .contains(account.get("id").asString());
    }

    @Test
    void sign_in_is_never_recorded_for_idempotency_so_neither_password_nor_token_is_stored() throws Exception {
        String username = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        post("/auth/register", credentials(username, "a good password"), null);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/token"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(credentials(username, "a good password")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from idempotency_key where idempotency_key = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void passwords_are_kept_as_bcrypt_hashes_only() throws Exception {
        String username = "hash-" + UUID.randomUUID().toString().substring(0, 8);
        post("/auth/register", credentials(username, "s3cret-enough"), null);

        String stored =
                jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);

        assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain("s3cret-enough");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_401() throws Exception {
        String username = "ravi-" + UUID.randomUUID().toString().substring(0, 8);
        post("/auth/register", credentials(username, "the right one"), null);

        HttpResponse<String> wrongPassword = post("/auth/token", credentials(username, "the wrong one"), null);
        HttpResponse<String> unknownUser =
                post("/auth/token", credentials("nobody-" + username, "the right one"), null);

        for (HttpResponse<String> response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/invalid-credentials");
        }
        assertThat(JSON.readTree(wrongPassword.body()).get("detail"))
                .isEqualTo(JSON.readTree(unknownUser.body()).get("detail"));
    }

    @Test
    void a_taken_username_in_any_letter_case_is_a_409_and_creates_nothing() throws Exception {
        String username = "Priya-" + UUID.randomUUID().toString().substring(0, 8);
        post("/auth/register", credentials(username, "first password"), null);

        HttpResponse<String> again =
                post("/auth/register", credentials(username.toLowerCase(), "second password"), null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("type").asString()).endsWith("/username-taken");
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where username = ?", Integer.class, username.toLowerCase()))
                .isOne();
        assertThat(post("/auth/token", credentials(username, "first password"), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_admin_creates_restaurant_staff_whose_token_names_their_restaurant() throws Exception {
        String admin = tokenOf("admin", "demo-password");
        String username = "kitchen-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = post(
                "/admin/users",
                JSON.writeValueAsString(Map.of(
                        "username",
                        username,
                        "password",
                        "kitchen password",
                        "role",
                        "RESTAURANT",
                        "restaurantId",
                        SARAVANA_BHAVAN)),
                admin);

        assertThat(created.statusCode()).isEqualTo(201);
        String staff = tokenOf(username, "kitchen password");
        assertThat(part(staff.substring("Bearer ".length()), 1)
                        .get("restaurantId")
                        .asString())
                .isEqualTo(SARAVANA_BHAVAN);
        // Their own restaurant: the unknown order is a 404, not a 403.
        assertThat(post("/restaurants/" + SARAVANA_BHAVAN + "/orders/" + UUID.randomUUID() + "/ready", "", staff)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/restaurants/" + UUID.randomUUID() + "/orders/" + UUID.randomUUID() + "/ready", "", staff)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void an_admin_creates_a_courier_with_a_new_courier_id() throws Exception {
        String username = "rider-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = post(
                "/admin/users",
                JSON.writeValueAsString(Map.of("username", username, "password", "rider password", "role", "COURIER")),
                tokenOf("admin", "demo-password"));

        assertThat(created.statusCode()).isEqualTo(201);
        String courierId = JSON.readTree(created.body()).get("courierId").asString();
        assertThat(UUID.fromString(courierId)).isNotNull();
        assertThat(part(tokenOf(username, "rider password").substring("Bearer ".length()), 1)
                        .get("courierId")
                        .asString())
                .isEqualTo(courierId);
    }

    @Test
    void only_an_admin_creates_accounts_and_a_bad_one_changes_nothing() throws Exception {
        int before = accounts();
        String customer = tokenOf("asha", "demo-password");
        String restaurant = "{\"username\":\"x-staff\",\"password\":\"long enough\",\"role\":\"RESTAURANT\","
                + "\"restaurantId\":\"" + SARAVANA_BHAVAN + "\"}";

        assertThat(post("/admin/users", restaurant, customer).statusCode()).isEqualTo(403);
        assertThat(post("/admin/users", restaurant, null).statusCode()).isEqualTo(401);
        String admin = tokenOf("admin", "demo-password");
        HttpResponse<String> unknownRestaurant = post(
                "/admin/users",
                restaurant.replace(SARAVANA_BHAVAN, UUID.randomUUID().toString()),
                admin);
        assertThat(unknownRestaurant.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknownRestaurant.body()).get("type").asString())
                .endsWith("/staff-restaurant-unknown");
        HttpResponse<String> staffWithoutRestaurant = post(
                "/admin/users",
                "{\"username\":\"y-staff\",\"password\":\"long enough\",\"role\":\"RESTAURANT\"}",
                admin);
        assertThat(staffWithoutRestaurant.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(staffWithoutRestaurant.body())
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("restaurantId");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void tokens_of_another_issuer_are_refused_when_order_service_checks_its_own() throws Exception {
        HttpResponse<String> response = post("/orders", order(), TestTokens.customer(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/invalid-token");
    }

    @Test
    void the_jwks_publishes_only_public_rsa_keys() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = JSON.readTree(response.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).as("private exponent").isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void a_rotated_key_stays_published_for_one_token_lifetime_then_leaves_the_jwks() {
        // Another instance: it finds the key made at this one's first start, and signs with it.
        MovableClock clock = new MovableClock(Instant.now());
        SigningKeys keys = new SigningKeys(
                jdbcClient,
                transactions,
                clock,
                new AuthProperties("http://issuer", Duration.ofMinutes(15), Duration.ofDays(30)));

        String first = keys.signingKey().getKeyID();
        clock.advance(Duration.ofDays(29));
        assertThat(keys.signingKey().getKeyID())
                .as("within the rotation period")
                .isEqualTo(first);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        String second = keys.signingKey().getKeyID();
        assertThat(second).isNotEqualTo(first);
        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(second, first);

        clock.advance(Duration.ofMinutes(16));
        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(second);
        assertThat(jdbc.queryForObject("select count(*) from signing_key", Integer.class))
                .as("kept, not published")
                .isEqualTo(2);
    }

    private int accounts() {
        return jdbc.queryForObject("select count(*) from account", Integer.class);
    }

    private List<String> jwksKeyIds() throws Exception {
        JsonNode keys = JSON.readTree(HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("keys");
        return keys.valueStream().map(key -> key.get("kid").asString()).toList();
    }

    private String tokenOf(String username, String password) throws Exception {
        HttpResponse<String> response = post("/auth/token", credentials(username, password), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "Bearer " + JSON.readTree(response.body()).get("access_token").asString();
    }

    private static JsonNode part(String jwt, int index) {
        return JSON.readTree(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static String credentials(String username, String password) {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    private static String order() {
        return JSON.writeValueAsString(Map.of(
                "restaurantId",
                SARAVANA_BHAVAN,
                "items",
                List.of(Map.of("itemId", DOSA, "quantity", 1)),
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
