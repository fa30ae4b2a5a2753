package com.fooddelivery.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service with an outbox promises operators: once started alone it leads its relay, streams, reports UP,
 * and exports the leader gauge. A service's integration test implements this interface to inherit the tests.
 */
public interface OutboxRelayHealthContract {

    Duration RELAY_STARTUP = Duration.ofSeconds(60);

    /** The port the service under test listens on. */
    int port();

    @Test
    default void reports_up_once_its_outbox_relay_leads_and_streams() {
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(RELAY_STARTUP).untilAsserted(() -> {
            HttpResponse<String> response = get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = json.readTree(response.body());
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/outboxRelay/details/role").asString())
                    .isEqualTo("leader");
            assertThat(health.at("/components/outboxRelay/details/streaming").asBoolean())
                    .isTrue();
        });
    }

    @Test
    default void exposes_the_relay_leader_gauge_to_prometheus() {
        await().atMost(RELAY_STARTUP).untilAsserted(() -> {
            HttpResponse<String> response = get("/actuator/prometheus");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).containsPattern("(?m)^outbox_relay_leader(\\{[^}]*\\})? 1\\.0$");
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
