package com.fooddelivery.query;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.MG_ROAD;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.dish;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.kolkata;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.restaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.order.Courier;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import com.fooddelivery.web.Problems;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may read what, through the whole service (bearer tokens checked against {@link TestTokens}' keys, the access
 * rules, the handlers) on real Kafka and Elasticsearch: one order of customer A at restaurant R, delivered by courier
 * C, asked for by everyone who may see it and by everyone who may not. Each cell names the caller, the request and the
 * answer; a problem answer is checked for its status, {@code application/problem+json} and its type.
 */
@ServiceIntegrationTest
class QueryAuthorizationIT {

    private static final String RUN = QueryServiceTests.newRun();

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID DELIVERY = UUID.randomUUID();
    private static final UUID CUSTOMER_A = UUID.randomUUID();
    private static final UUID RESTAURANT_R = UUID.randomUUID();
    private static final UUID COURIER_C = UUID.randomUUID();

    private static final Who A = new Who("customer A", () -> TestTokens.customer(CUSTOMER_A));
    private static final Who B = new Who("customer B", () -> TestTokens.customer(UUID.randomUUID()));
    private static final Who STAFF_R = new Who("staff of R", () -> TestTokens.restaurant(RESTAURANT_R));
    private static final Who OTHER_STAFF =
            new Who("staff of another restaurant", () -> TestTokens.restaurant(UUID.randomUUID()));
    private static final Who C = new Who("courier C", () -> TestTokens.courier(COURIER_C));
    private static final Who OTHER_COURIER = new Who("another courier", () -> TestTokens.courier(UUID.randomUUID()));
    private static final Who ADMIN = new Who("ADMIN", TestTokens::admin);
    private static final Who NO_TOKEN = new Who("no token", () -> null);
    private static final Who EXPIRED = new Who("A's expired token", () -> TestTokens.expiredCustomer(CUSTOMER_A));
    private static final Who FORGED =
            new Who("A's token signed by an unknown key", () -> TestTokens.forgedCustomer(CUSTOMER_A));
    private static final Who UNSIGNED =
            new Who("A's unsigned token (alg=none)", () -> TestTokens.unsignedCustomer(CUSTOMER_A));

    private static final Endpoint THE_ORDER = new Endpoint("GET", "/orders/{order}");
    private static final Endpoint AN_UNKNOWN_ORDER = new Endpoint("GET", "/orders/{unknown order}");
    private static final Endpoint MY_ORDERS = new Endpoint("GET", "/customers/me/orders");
    private static final Endpoint R_QUEUE = new Endpoint("GET", "/restaurants/{R}/orders");
    private static final Endpoint MY_DELIVERIES = new Endpoint("GET", "/couriers/me/deliveries");
    private static final Endpoint START_REBUILD = new Endpoint("POST", "/admin/read-model/rebuild");
    private static final Endpoint REBUILD_REPORT = new Endpoint("GET", "/admin/read-model/rebuild");
    private static final Endpoint SEARCH = new Endpoint("GET", "/restaurants/search?q=kitchen");
    private static final Endpoint RESTAURANT = new Endpoint("GET", "/restaurants/{R}");

    private static boolean projected;
    /** Why projecting failed, if it did: then every cell fails at once instead of waiting again. */
    private static RuntimeException projectionFailure;

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
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        QueryServiceTests.awaitPartitions(listeners);
    }

    static Stream<Cell> matrix() {
        return Stream.of(
                // One order: its customer, its restaurant's staff, its courier and ADMIN see it; to anyone else it
                // does not exist, exactly like an order that never did.
                new Cell(A, THE_ORDER, Answer.SEES_THE_ORDER),
                new Cell(STAFF_R, THE_ORDER, Answer.SEES_THE_ORDER),
                new Cell(C, THE_ORDER, Answer.SEES_THE_ORDER),
                new Cell(ADMIN, THE_ORDER, Answer.SEES_THE_ORDER),
                new Cell(B, THE_ORDER, Answer.problem(404, "order-not-found")),
                new Cell(OTHER_STAFF, THE_ORDER, Answer.problem(404, "order-not-found")),
                new Cell(OTHER_COURIER, THE_ORDER, Answer.problem(404, "order-not-found")),
                new Cell(A, AN_UNKNOWN_ORDER, Answer.problem(404, "order-not-found")),
                new Cell(NO_TOKEN, THE_ORDER, Answer.problem(401, "unauthenticated")),
                new Cell(EXPIRED, THE_ORDER, Answer.problem(401, "invalid-token")),
                new Cell(FORGED, THE_ORDER, Answer.problem(401, "invalid-token")),
                new Cell(UNSIGNED, THE_ORDER, Answer.problem(401, "invalid-token")),
                // A customer's own orders.
                new Cell(A, MY_ORDERS, Answer.SEES_THE_ORDER),
                new Cell(B, MY_ORDERS, Answer.DOES_NOT_SEE_THE_ORDER),
                new Cell(STAFF_R, MY_ORDERS, Answer.problem(403, "forbidden")),
                new Cell(C, MY_ORDERS, Answer.problem(403, "forbidden")),
                new Cell(ADMIN, MY_ORDERS, Answer.problem(403, "forbidden")),
                new Cell(NO_TOKEN, MY_ORDERS, Answer.problem(401, "unauthenticated")),
                // A restaurant's queue: its staff and ADMIN.
                new Cell(STAFF_R, R_QUEUE, Answer.SEES_THE_ORDER),
                new Cell(ADMIN, R_QUEUE, Answer.SEES_THE_ORDER),
                new Cell(OTHER_STAFF, R_QUEUE, Answer.problem(403, "not-your-restaurant")),
                new Cell(A, R_QUEUE, Answer.problem(403, "forbidden")),
                new Cell(C, R_QUEUE, Answer.problem(403, "forbidden")),
                new Cell(NO_TOKEN, R_QUEUE, Answer.problem(401, "unauthenticated")),
                // A courier's own deliveries.
                new Cell(C, MY_DELIVERIES, Answer.SEES_THE_ORDER),
                new Cell(OTHER_COURIER, MY_DELIVERIES, Answer.DOES_NOT_SEE_THE_ORDER),
                new Cell(A, MY_DELIVERIES, Answer.problem(403, "forbidden")),
                new Cell(STAFF_R, MY_DELIVERIES, Answer.problem(403, "forbidden")),
                // The operator's rebuild: ADMIN only (not started here: it replays every topic).
                new Cell(A, START_REBUILD, Answer.problem(403, "forbidden")),
                new Cell(STAFF_R, START_REBUILD, Answer.problem(403, "forbidden")),
                new Cell(C, START_REBUILD, Answer.problem(403, "forbidden")),
                new Cell(NO_TOKEN, START_REBUILD, Answer.problem(401, "unauthenticated")),
                new Cell(A, REBUILD_REPORT, Answer.problem(403, "forbidden")),
                new Cell(ADMIN, REBUILD_REPORT, Answer.problem(404, "no-rebuild")),
                // Browsing restaurants needs no account.
                new Cell(NO_TOKEN, SEARCH, Answer.OK),
                new Cell(NO_TOKEN, RESTAURANT, Answer.OK));
    }

    /** The order, its delivery and its restaurant, projected into every index before the first cell is asked. */
    @BeforeEach
    void projectTheOrder() throws Exception {
        if (projected) {
            return;
        }
        if (projectionFailure != null) {
            throw new IllegalStateException("The order was not projected", projectionFailure);
        }
        try {
            publishAndAwaitTheOrder();
        } catch (RuntimeException e) {
            projectionFailure = e;
            throw e;
        }
        projected = true;
    }

    private void publishAndAwaitTheOrder() throws Exception {
        OrderStatusChanged preparing = OrderEvents.inStatus(
                ORDER, CUSTOMER_A, RESTAURANT_R, Instant.parse("2026-11-22T09:00:00Z"), OrderStatus.PREPARING, 2);
        QueryServiceTests.publish(
                ORDER.toString(),
                new OrderStatusChanged(
                        ORDER,
                        3,
                        preparing.status(),
                        preparing.details(),
                        preparing.timeline(),
                        new Courier(COURIER_C, DELIVERY),
                        preparing.estimatedReadyAt(),
                        preparing.payment()));
        QueryServiceTests.publish(
                ORDER.toString(), DeliveryEvents.updated(DELIVERY, ORDER, 4, DeliveryStatus.ASSIGNED, COURIER_C));
        QueryServiceTests.publish(
                RESTAURANT_R.toString(),
                restaurant(
                        RESTAURANT_R,
                        // Names no other test searches for: the restaurants topic is shared.
                        "Authorization Test Kitchen " + RUN,
                        "Test cuisine " + RUN,
                        MG_ROAD,
                        kolkata("00:00", "00:00"),
                        List.of(dish("Curd Rice", "Rice with yoghurt", 90))));

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> sees(A, THE_ORDER)
                        && courierOf(A)
                        && sees(A, MY_ORDERS)
                        && sees(STAFF_R, R_QUEUE)
                        && sees(C, MY_DELIVERIES)
                        && answer(NO_TOKEN, RESTAURANT).statusCode() == 200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answers(Cell cell) throws Exception {
        HttpResponse<String> response = answer(cell.who(), cell.endpoint());
        // Every failure names its cell: build reports list parameterized tests by index only.
        String answered = cell + ", answered " + response.statusCode() + " " + response.body();

        assertThat(response.statusCode()).as(answered).isEqualTo(cell.answer().status());
        if (cell.answer().problem() != null) {
            assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                    .as(answered)
                    .hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("type").asString())
                    .as(answered)
                    .isEqualTo(Problems.TYPE_BASE + cell.answer().problem());
        }
        if (cell.answer().status() == 401) {
            assertThat(response.headers()
                            .firstValue(HttpHeaders.WWW_AUTHENTICATE)
                            .orElse(""))
                    .as(answered)
                    .startsWith("Bearer");
        }
        if (cell.answer().seesTheOrder() != null) {
            assertThat(response.body().contains(ORDER.toString()))
                    .as("the order is in the answer: " + answered)
                    .isEqualTo(cell.answer().seesTheOrder());
        }
    }

    private boolean sees(Who who, Endpoint endpoint) {
        HttpResponse<String> response = answer(who, endpoint);
        return response.statusCode() == 200 && response.body().contains(ORDER.toString());
    }

    /** Whether the order read by {@code who} already names courier C (its latest event). */
    private boolean courierOf(Who who) {
        return JSON.readTree(answer(who, THE_ORDER).body())
                .path("courierId")
                .asString("")
                .equals(COURIER_C.toString());
    }

    private HttpResponse<String> answer(Who who, Endpoint endpoint) {
        String authorization = who.authorization().get();
        return QueryServiceTests.send(
                port,
                endpoint.method(),
                endpoint.path(),
                authorization == null ? Map.of() : QueryServiceTests.authorization(authorization));
    }

    /** A caller and how they sign in: the {@code Authorization} header, a fresh token on every request. */
    record Who(String name, Supplier<String> authorization) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A request; {@code {order}}, {@code {unknown order}} and {@code {R}} stand for this test's ids. */
    record Endpoint(String method, String template) {

        String path() {
            return template.replace("{order}", ORDER.toString())
                    .replace("{unknown order}", UUID.randomUUID().toString())
                    .replace("{R}", RESTAURANT_R.toString());
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * The status, the problem type of an error, and whether a 200 shows the order ({@code null}: not about the
     * order).
     */
    record Answer(int status, String problem, Boolean seesTheOrder) {

        static final Answer OK = new Answer(200, null, null);
        static final Answer SEES_THE_ORDER = new Answer(200, null, true);
        static final Answer DOES_NOT_SEE_THE_ORDER = new Answer(200, null, false);

        static Answer problem(int status, String type) {
            return new Answer(status, type, null);
        }

        @Override
        public String toString() {
            if (problem != null) {
                return status + " " + problem;
            }
            return seesTheOrder == null ? "200" : seesTheOrder ? "200, sees the order" : "200, without the order";
        }
    }

    record Cell(Who who, Endpoint endpoint, Answer answer) {
        @Override
        public String toString() {
            return who + " · " + endpoint + " → " + answer;
        }
    }
}
