package com.fooddelivery.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.testsupport.OutboxRelayHealthContract;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The bare service on real PostgreSQL and Kafka: it starts, leads its outbox relay and reports healthy. */
@ServiceIntegrationTest
class PaymentServiceStartupIT implements OutboxRelayHealthContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }

    /** No HTTP API of its own yet, but a resource server like every service: nothing answers without a token. */
    @Test
    void every_path_but_health_needs_a_token() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = get("/payments", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.body()).contains("/problems/unauthenticated");
        assertThat(get("/payments", TestTokens.forgedCustomer(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/payments", TestTokens.admin()).statusCode())
                .as("signed in: no such endpoint")
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
