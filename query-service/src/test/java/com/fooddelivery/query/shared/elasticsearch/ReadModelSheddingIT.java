package com.fooddelivery.query.shared.elasticsearch;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.QueryServiceTests.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.fooddelivery.web.Problems;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * More reads than Elasticsearch's connections can carry are shed with a 503 problem and {@code Retry-After}, never
 * queued without bound nor answered 500. One connection and a millisecond's wait make the pool the bottleneck.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"query.elasticsearch.max-connections=1", "query.elasticsearch.connection-wait=1ms"})
class ReadModelSheddingIT {

    private static final String RUN = QueryServiceTests.newRun();
    private static final String CUSTOMER = TestTokens.customer(UUID.randomUUID());
    private static final int CLIENTS = 16;
    private static final int READS_PER_CLIENT = 50;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        QueryServiceTests.readWithOwnGroupAndIndices(registry, RUN);
    }

    @AfterAll
    static void dropIndices() {
        QueryServiceTests.deleteIndicesOf(RUN);
    }

    @LocalServerPort
    int port;

    @Test
    void reads_beyond_the_connections_are_answered_503_with_retry_after_and_the_rest_as_usual() throws Exception {
        Map<Integer, List<HttpResponse<String>>> byStatus = new ConcurrentHashMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = 0; i < READS_PER_CLIENT; i++) {
                        HttpResponse<String> response = QueryServiceTests.get(
                                port,
                                "/orders/" + UUID.randomUUID(),
                                Map.of("Authorization", CUSTOMER, "Accept-Language", "ta"));
                        byStatus.computeIfAbsent(response.statusCode(), status -> new CopyOnWriteArrayList<>())
                                .add(response);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }

        assertThat(byStatus.keySet())
                .as("an unknown order is 404 when read, 503 when shed")
                .containsOnly(404, 503);
        HttpResponse<String> shed = byStatus.get(503).getFirst();
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(shed.headers().firstValue("Content-Language")).hasValue("ta");
        assertThat(JSON.readTree(shed.body()).get("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "read-model-unavailable");
        assertThat(QueryServiceTests.get(port, "/orders/" + UUID.randomUUID(), authorization(CUSTOMER))
                        .statusCode())
                .as("a read alone is served again")
                .isEqualTo(404);
        assertThat(QueryServiceTests.get(port, "/actuator/prometheus", Map.of()).body())
                .contains("query_reads_unavailable_total " + byStatus.get(503).size() + ".0");
    }
}
