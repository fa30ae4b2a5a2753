package com.fooddelivery.query.order;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.QueryServiceTests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.query.shared.projection.Changes;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.fooddelivery.web.Problems;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The waiters of GET /orders/{id} through HTTP, on real Elasticsearch: no read leaves anything behind, however it
 * ends, and waiting reads beyond {@code query.long-poll.max-concurrent} are refused with a 503 at once.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"query.long-poll.max-concurrent=" + BoundedWaitersIT.MAX_LONG_POLLS})
class BoundedWaitersIT {

    static final int MAX_LONG_POLLS = 3;

    private static final String RUN = QueryServiceTests.newRun();
    private static final String CUSTOMER = TestTokens.customer(UUID.randomUUID());
    private static final int READS = 100_000;
    /** Enough to keep both cores busy, not more: the JVM under test shares them with the client. */
    private static final int CLIENTS = 8;

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
    Changes changes;

    @Test
    void a_hundred_thousand_reads_of_unknown_orders_leave_no_waiter_and_the_heap_flat() throws Exception {
        readUnknownOrders(2_000); // warm up: JIT, connection pools, token cache, before the heap is measured
        long heapBefore = usedHeapAfterGc();

        long started = System.nanoTime();
        AtomicInteger notFound = readUnknownOrders(READS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long heapGrowth = usedHeapAfterGc() - heapBefore;

        System.out.printf(
                "%d reads of unknown orders in %d ms (%.0f/s); heap after GC grew by %d KiB; waiters left: %d%n",
                READS, took.toMillis(), READS / (took.toNanos() / 1e9), heapGrowth / 1024, changes.waiters());
        assertThat(notFound.get()).as("every read answered 404").isEqualTo(READS);
        assertThat(changes.waiters()).as("waiters left behind").isZero();
        assertThat(changes.longPolls()).isZero();
        // One entry per read would be ~100 bytes each (key, future, map node): 10 MB for 100,000 reads.
        assertThat(heapGrowth).as("heap growth after GC, bytes").isLessThan(4L * 1024 * 1024);
        assertThat(prometheus()).contains("query_order_waiters 0.0");
    }

    @Test
    void waiting_reads_beyond_the_limit_are_refused_with_a_503_at_once_and_plain_reads_still_answer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < MAX_LONG_POLLS; i++) {
            polls.add(CompletableFuture.supplyAsync(() -> read(UUID.randomUUID(), "?waitSeconds=3", Map.of())));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.longPolls() == MAX_LONG_POLLS);

        long asked = System.nanoTime();
        HttpResponse<String> refused = read(UUID.randomUUID(), "?waitSeconds=3", Map.of("Accept-Language", "hi"));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Content-Language")).hasValue("hi");
        assertThat(JSON.readTree(refused.body()).get("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "too-many-waiting");
        assertThat(read(UUID.randomUUID(), "?minVersion=0", Map.of()).statusCode())
                .as("a read-your-writes wait counts as waiting too")
                .isEqualTo(503);
        assertThat(read(UUID.randomUUID(), "", Map.of()).statusCode())
                .as("a plain read needs no slot")
                .isEqualTo(404);

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll.get(10, TimeUnit.SECONDS).statusCode())
                    .as("a long-poll of an unknown order: 404 after its wait")
                    .isEqualTo(404);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.longPolls() == 0);
        assertThat(read(UUID.randomUUID(), "?waitSeconds=1", Map.of()).statusCode())
                .as("a freed slot is taken again")
                .isEqualTo(404);
        assertThat(changes.waiters()).isZero();
        assertThat(prometheus()).contains("query_long_polls_refused_total 2.0");
    }

    @Test
    void a_client_that_hangs_up_during_a_long_poll_leaves_nothing_behind_once_its_wait_is_over() throws Exception {
        try (Socket client = new Socket("127.0.0.1", port)) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /orders/" + UUID.randomUUID() + "?waitSeconds=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: " + CUSTOMER + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> changes.longPolls() == 1);
        } // hangs up without reading the answer

        // A blocking request learns of the hang-up only when it writes its answer, after its wait (at most 30 s).
        await().atMost(Duration.ofSeconds(6)).until(() -> changes.longPolls() == 0 && changes.waiters() == 0);
    }

    private AtomicInteger readUnknownOrders(int reads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger notFound = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().build();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (next.getAndIncrement() < reads) {
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/orders/" + UUID.randomUUID()))
                                .header("Authorization", CUSTOMER)
                                .build();
                        if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 404) {
                            notFound.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return notFound;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private HttpResponse<String> read(UUID orderId, String query, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(authorization(CUSTOMER));
        all.putAll(headers);
        return QueryServiceTests.get(port, "/orders/" + orderId + query, all);
    }

    private String prometheus() {
        return QueryServiceTests.get(port, "/actuator/prometheus", Map.of()).body();
    }
}
