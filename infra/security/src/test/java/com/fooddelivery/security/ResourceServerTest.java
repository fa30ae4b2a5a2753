package com.fooddelivery.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The library in a small service: its filter chain, its 401/403 problems and the caller handed to handlers. */
@SpringBootTest(
        classes = ResourceServerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "web.rate-limit.enabled=false")
class ResourceServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
    }

    @Test
    void hands_the_handler_the_caller_its_token_names() throws Exception {
        UUID restaurant = UUID.randomUUID();

        JsonNode caller =
                JSON.readTree(get("/whoami", TestTokens.restaurant(restaurant)).body());

        assertThat(caller.get("roles").get(0).asString()).isEqualTo("RESTAURANT");
        assertThat(caller.get("restaurantId").asString()).isEqualTo(restaurant.toString());
        assertThat(caller.get("courierId").isNull()).isTrue();
    }

    @Test
    void no_token_is_a_401_problem_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = get("/whoami", null);

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void expired_forged_unsigned_and_garbage_tokens_are_401_invalid_token() throws Exception {
        UUID customer = UUID.randomUUID();
        for (String token : List.of(
                TestTokens.expiredCustomer(customer),
                TestTokens.forgedCustomer(customer),
                TestTokens.unsignedCustomer(customer),
                "Bearer not-a-jwt",
                "Bearer " + "a".repeat(5000))) {
            HttpResponse<String> response = get("/whoami", token);

            assertProblem(response, 401, "invalid-token");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(
                            challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        }
    }

    @Test
    void a_token_of_another_issuer_is_refused() throws Exception {
        String otherIssuer = TestTokens.withClaims(
                Map.of("iss", "https://evil.example", "sub", UUID.randomUUID().toString(), "roles", List.of("ADMIN")));

        assertProblem(get("/admin", otherIssuer), 401, "invalid-token");
    }

    @Test
    void a_role_the_rules_do_not_allow_is_a_403_problem_in_the_clients_language() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin"))
                        .header("Authorization", TestTokens.customer(UUID.randomUUID()))
                        .header("Accept-Language", "hi")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 403, "forbidden");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("hi");
        assertThat(get("/admin", TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void staff_act_only_for_their_own_restaurant_and_an_admin_for_any() throws Exception {
        UUID restaurant = UUID.randomUUID();

        assertThat(get("/restaurants/" + restaurant, TestTokens.restaurant(restaurant))
                        .statusCode())
                .isEqualTo(200);
        assertProblem(
                get("/restaurants/" + restaurant, TestTokens.restaurant(UUID.randomUUID())),
                403,
                "not-your-restaurant");
        assertThat(get("/restaurants/" + restaurant, TestTokens.admin()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_role_claim_without_its_id_grants_nothing_of_it() throws Exception {
        String courierWithoutId = TestTokens.withClaims(
                Map.of("sub", UUID.randomUUID().toString(), "roles", List.of("COURIER", "SUPERUSER")));

        assertProblem(get("/couriers/me", courierWithoutId), 403, "role-required");
    }

    @Test
    void the_services_token_decoder_remembers_what_it_verified() {
        assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
    }

    @Test
    void health_needs_no_token() throws Exception {
        // This app has no actuator: the 404 comes from Spring MVC, after security let the request through.
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(404);
        assertThat(get("/open", null).statusCode()).isEqualTo(200);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    static class App {

        @Bean
        AccessRules rules() {
            return endpoints -> endpoints
                    .requestMatchers("/open")
                    .permitAll()
                    .requestMatchers("/admin")
                    .hasRole(Role.ADMIN.name());
        }

        @RestController
        static class Endpoints {

            @GetMapping("/whoami")
            Caller whoami(Caller caller) {
                return caller;
            }

            @GetMapping("/admin")
            String admin() {
                return "ok";
            }

            @GetMapping("/open")
            String open() {
                return "ok";
            }

            @GetMapping("/restaurants/{restaurantId}")
            String restaurant(Caller caller, @PathVariable UUID restaurantId) {
                caller.requireActsFor(restaurantId);
                return "ok";
            }

            @GetMapping("/couriers/me")
            UUID courier(Caller caller) {
                return caller.requireCourier();
            }
        }
    }
}
