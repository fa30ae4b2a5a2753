package com.fooddelivery.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bare service on real PostgreSQL and Kafka: it starts, leads its outbox relay and reports healthy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DeliveryServiceStartupIT {

    private static final TestDatabase DATABASE = Infrastructure.get().newDatabase("deliveries");
    private static final Duration RELAY_STARTUP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DATABASE.springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Dropped when the context closes: after the relay has stopped, not under its feet. */
    @TestConfiguration
    static class DatabaseLifecycle {
        @Bean
        TestDatabase testDatabase() {
            return DATABASE;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void reports_up_once_its_outbox_relay_leads_and_streams() {
        await().atMost(RELAY_STARTUP).untilAsserted(() -> {
            HttpResponse<String> response = get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = JSON.readTree(response.body());
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/outboxRelay/details/role").asString())
                    .isEqualTo("leader");
            assertThat(health.at("/components/outboxRelay/details/streaming").asBoolean())
                    .isTrue();
        });
    }

    @Test
    void exposes_the_relay_leader_gauge_to_prometheus() {
        await().atMost(RELAY_STARTUP).untilAsserted(() -> {
            HttpResponse<String> response = get("/actuator/prometheus");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).containsPattern("(?m)^outbox_relay_leader(\\{[^}]*\\})? 1\\.0$");
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
