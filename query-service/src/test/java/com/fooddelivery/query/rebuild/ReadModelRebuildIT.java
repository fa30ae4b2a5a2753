package com.fooddelivery.query.rebuild;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.QueryServiceTests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.delivery.projection.DeliveryProjection;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.query.order.projection.OrderProjection;
import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Rebuilding every index from the topics while the old indices keep answering, on real Kafka and Elasticsearch. */
@ServiceIntegrationTest
class ReadModelRebuildIT {

    private static final String RUN = QueryServiceTests.newRun();
    private static final int BEFORE = 40;
    private static final int DURING = 20;

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

    @Autowired
    IndexAdmin indices;

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        QueryServiceTests.awaitPartitions(listeners);
    }

    /** The customer of every order here, who reads them while the operator (ADMIN) rebuilds. */
    private final UUID customer = UUID.randomUUID();

    private final Map<String, String> asCustomer = authorization(TestTokens.customer(customer));
    private final Map<String, String> asAdmin = authorization(TestTokens.admin());

    @Test
    void a_rebuild_replays_the_topics_into_new_indices_and_swaps_the_aliases_without_a_failed_read() throws Exception {
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            orders.add(publishOrder(i));
        }
        QueryServiceTests.publish(
                orders.getFirst().toString(),
                DeliveryEvents.updated(
                        UUID.randomUUID(), orders.getFirst(), 5, DeliveryStatus.PICKED_UP, UUID.randomUUID()));
        awaitAllReadable(orders);
        Set<String> ordersBefore = indices.indicesBehind(OrderProjection.INDEX);
        Set<String> deliveriesBefore = indices.indicesBehind(DeliveryProjection.INDEX);

        // Readers keep reading the orders placed so far while the rebuild runs; none may fail.
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger failedReads = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        List<UUID> placedBefore = List.copyOf(orders);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                for (UUID order : placedBefore) {
                    reads.incrementAndGet();
                    if (get("/orders/" + order, asCustomer).statusCode() != 200) {
                        failedReads.incrementAndGet();
                    }
                }
            }
        });

        HttpResponse<String> started = post("/admin/read-model/rebuild", asAdmin);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/admin/read-model/rebuild");
        assertThat(post("/admin/read-model/rebuild", asAdmin).statusCode())
                .as("one at a time")
                .isEqualTo(409);
        for (int i = 0; i < DURING; i++) {
            orders.add(publishOrder(BEFORE + i));
        }

        JsonNode report = awaitRebuild();
        rebuilding.set(false);
        reader.join();

        assertThat(report.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(failedReads.get()).as("failed reads out of %d", reads.get()).isZero();
        Set<String> ordersAfter = indices.indicesBehind(OrderProjection.INDEX);
        assertThat(ordersAfter).hasSize(1).doesNotContainAnyElementsOf(ordersBefore);
        assertThat(indices.indicesBehind(DeliveryProjection.INDEX))
                .hasSize(1)
                .doesNotContainAnyElementsOf(deliveriesBefore);
        JsonNode ordersReport = null;
        for (JsonNode index : report.get("indices")) {
            if (index.get("alias").asString().endsWith("-orders")) {
                ordersReport = index;
            }
        }
        assertThat(ordersReport).as("the orders index was rebuilt: %s", report).isNotNull();
        assertThat(ordersReport.get("events").asLong()).isGreaterThanOrEqualTo(BEFORE);
        assertThat(report.get("indices"))
                .as("orders, deliveries and restaurants")
                .hasSize(3);

        awaitAllReadable(orders);
        JsonNode first =
                JSON.readTree(get("/orders/" + orders.getFirst(), asCustomer).body());
        assertThat(first.get("status").asString()).isEqualTo("PREPARING");
        assertThat(first.at("/delivery/status").asString()).isEqualTo("PICKED_UP");
    }

    private UUID publishOrder(int i) throws Exception {
        UUID orderId = UUID.randomUUID();
        QueryServiceTests.publish(
                orderId.toString(),
                OrderEvents.inStatus(
                        orderId,
                        customer,
                        UUID.randomUUID(),
                        Instant.parse("2026-11-22T09:00:00Z").plusSeconds(i),
                        OrderStatus.PREPARING,
                        2));
        return orderId;
    }

    private void awaitAllReadable(List<UUID> orders) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> orders.stream()
                        .allMatch(order -> get("/orders/" + order, asCustomer).statusCode() == 200));
    }

    private JsonNode awaitRebuild() {
        List<JsonNode> report = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode status = JSON.readTree(
                            get("/admin/read-model/rebuild", asAdmin).body());
                    report.addFirst(status);
                    return !"RUNNING".equals(status.get("state").asString());
                });
        return report.getFirst();
    }

    private HttpResponse<String> get(String path, Map<String, String> caller) {
        return QueryServiceTests.get(port, path, caller);
    }

    private HttpResponse<String> post(String path, Map<String, String> caller) {
        return QueryServiceTests.send(port, "POST", path, caller);
    }
}
