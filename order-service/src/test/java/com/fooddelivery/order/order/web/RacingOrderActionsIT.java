package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.order.OrderServiceApplication;
import com.fooddelivery.testsupport.AtOnce;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestDatabase;
import com.fooddelivery.testsupport.TestTokens;
import com.fooddelivery.web.Problems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP actions on an order racing each other across two instances of order-service, and racing the payment reply
 * from Kafka, on one real PostgreSQL. Axon's aggregate lock is per JVM, so only the event-sequence constraint stands
 * between the instances: the loser of a race must be decided on the winner's state (success or 409), never 500.
 */
class RacingOrderActionsIT {

    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    private static final String STAFF = TestTokens.restaurant(RESTAURANT);
    private static final int ROUNDS = 8;
    /** Requests fired at once per round, alternating between the two instances. */
    private static final int RACERS = 8;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestDatabase database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcTemplate jdbc;
    private static ExecutorService racers;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        database = Infrastructure.get().newDatabase("order-service");
        String replyGroup = "order-races-it-" + UUID.randomUUID();
        first = startInstance(replyGroup);
        second = startInstance(replyGroup);
        jdbc = first.getBean(JdbcTemplate.class);
        racers = Executors.newFixedThreadPool(RACERS + 1);
    }

    @AfterAll
    static void stop() {
        if (racers != null) {
            racers.shutdownNow();
        }
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void restaurant_staff_accepting_and_rejecting_at_once_on_two_instances_get_one_success_and_409s_never_500()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String orderId = placeOrder(UUID.randomUUID());
            awaitInbox(PaymentReplies.authorized(orderId));
            assertThat(eventsOf(orderId)).last().isEqualTo("PaymentAuthorizedForOrder");

            List<Callable<HttpResponse<String>>> actions = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int port = port(i % 2 == 0 ? first : second);
                String path = "/restaurants/" + RESTAURANT + "/orders/" + orderId;
                actions.add(
                        i % 4 == 3
                                ? () -> post(port, path + "/reject", "{\"reason\":\"Out of dosa batter\"}", STAFF)
                                : () -> post(port, path + "/accept", "{\"prepTimeMinutes\":15}", STAFF));
            }
            List<HttpResponse<String>> answers = AtOnce.call(racers, actions);

            assertOneWinnerAndConflicts(answers, "order " + orderId + ", round " + round);
            List<String> events = eventsOf(orderId);
            String decision = events.getLast();
            assertThat(events)
                    .as("one decision of the restaurant after the authorization, nothing else")
                    .containsExactly("OrderPlacedEvent", "PaymentAuthorizedForOrder", decision);
            String winner =
                    JSON.readTree(winnerOf(answers).body()).get("status").asString();
            assertThat(decision)
                    .as("the stored decision is the answered one")
                    .isEqualTo(winner.equals("PREPARING") ? "OrderAcceptedByRestaurant" : "OrderRejected");
            assertContiguousSequence(orderId, events.size());
        }
    }

    @Test
    void customers_cancelling_on_two_instances_while_the_payment_reply_arrives_get_one_success_and_409s_never_500()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID customer = UUID.randomUUID();
            String orderId = placeOrder(customer);

            List<Callable<HttpResponse<String>>> actions = new ArrayList<>();
            for (int i = 0; i < RACERS / 2; i++) {
                int port = port(i % 2 == 0 ? first : second);
                actions.add(() -> post(port, "/orders/" + orderId + "/cancel", "", TestTokens.customer(customer)));
            }
            Future<UUID> reply = racers.submit(() -> PaymentReplies.authorized(orderId));
            List<HttpResponse<String>> answers = AtOnce.call(racers, actions);
            awaitInbox(reply.get(30, TimeUnit.SECONDS));

            assertOneWinnerAndConflicts(answers, "order " + orderId + ", round " + round);
            List<String> events = eventsOf(orderId);
            assertThat(events.getLast()).isEqualTo("OrderCancelled");
            assertThat(events)
                    .as("the authorization is recorded only if it came before the cancel")
                    .isIn(
                            List.of("OrderPlacedEvent", "OrderCancelled"),
                            List.of("OrderPlacedEvent", "PaymentAuthorizedForOrder", "OrderCancelled"));
            assertContiguousSequence(orderId, events.size());
        }
    }

    private static void assertOneWinnerAndConflicts(List<HttpResponse<String>> answers, String what) {
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses)
                .as(what + ": statuses")
                .doesNotContain(500, 502, 503)
                .containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200).count())
                .as(what + ": exactly one winner among " + statuses)
                .isEqualTo(1);
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 409) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(JSON.readTree(answer.body()).get("type").asString())
                        .isIn(Problems.TYPE_BASE + "order-state-conflict", Problems.TYPE_BASE + "concurrent-update");
            }
        }
    }

    private static HttpResponse<String> winnerOf(List<HttpResponse<String>> answers) {
        return answers.stream()
                .filter(answer -> answer.statusCode() == 200)
                .findFirst()
                .orElseThrow();
    }

    private static String placeOrder(UUID customer) throws Exception {
        String body = OrderBodies.oneDosa();
        HttpResponse<String> response = post(port(first), "/orders", body, TestTokens.customer(customer));
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    /** Waits until one of the instances has processed the reply (its inbox row commits with its effect). */
    private static void awaitInbox(UUID messageId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from inbox where message_id = ?", Integer.class, messageId)
                                == 1);
    }

    /** The order's events by simple type name, in sequence. */
    private static List<String> eventsOf(String orderId) {
        return jdbc
                .queryForList(
                        "select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber",
                        String.class,
                        orderId)
                .stream()
                .map(type -> type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1))
                .toList();
    }

    private static void assertContiguousSequence(String orderId, int events) {
        List<Long> sequence = jdbc.queryForList(
                "select sequencenumber from domainevententry where aggregateidentifier = ? order by sequencenumber",
                Long.class,
                orderId);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            expected.add(i);
        }
        assertThat(sequence).isEqualTo(expected);
    }

    private static HttpResponse<String> post(int port, String path, String body, String authorization)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * One instance on the test's database, reading replies in the group both instances share (as a deployment's
     * instances do). The properties go first among the property sources: as default properties,
     * {@code application.yml} would win and point the instance at the shared {@code orders} database.
     */
    private static ConfigurableApplicationContext startInstance(String replyGroup) {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
        properties.put("order.replies.group-id", replyGroup);
        properties.putAll(asMap(ServiceIntegrationTest.UNTHROTTLED));
        return new SpringApplicationBuilder(OrderServiceApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("racingInstances", properties)))
                .run();
    }

    private static Map<String, Object> asMap(String property) {
        String[] nameAndValue = property.split("=", 2);
        return Map.of(nameAndValue[0], nameAndValue[1]);
    }
}
