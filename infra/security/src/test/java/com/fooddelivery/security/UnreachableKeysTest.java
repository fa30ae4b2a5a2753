package com.fooddelivery.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identity provider's keys cannot be fetched: a token cannot be checked, and the answer is still a problem. */
@SpringBootTest(
        classes = ResourceServerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "web.rate-limit.enabled=false",
            // Port 9 (discard) on the loopback: nothing listens there.
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/.well-known/jwks.json"
        })
class UnreachableKeysTest {

    @LocalServerPort
    int port;

    @Test
    void a_token_that_cannot_be_checked_is_a_500_problem_without_details() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                                .header("Authorization", TestTokens.customer(UUID.randomUUID()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("/problems/internal-error").doesNotContain("127.0.0.1:9", "Exception");
    }
}
