package com.fooddelivery.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.idempotency.testapp.IdempotencyTestApplication;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The filter and its store in a running service on real PostgreSQL. */
class IdempotentRequestsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestDatabase database;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        database = Infrastructure.get().newDatabase("idempotency");
        context = startApplication();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        database.close();
    }

    @Test
    void a_retry_gets_the_identical_response_marked_as_replayed_and_nothing_runs_again() throws Exception {
        String key = newKey();
        String name = "replayed-" + key;

        HttpResponse<String> first = post("/things", key, thing(name));
        HttpResponse<String> retry = post("/things", key, thing(name));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER))
                .isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isPresent()
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(retry.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER))
                .hasValue("true");
        assertThat(things(name)).isOne();
    }

    @Test
    void a_put_is_replayed_too() throws Exception {
        HttpResponse<String> created = post("/things", newKey(), thing("to-rename"));
        String path = created.headers().firstValue("Location").orElseThrow();
        String key = newKey();
        int executionsBefore = executions();

        HttpResponse<String> first = send("PUT", path, key, thing("renamed"), Map.of());
        HttpResponse<String> retry = send("PUT", path, key, thing("renamed"), Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER))
                .hasValue("true");
        assertThat(executions() - executionsBefore).isOne();
    }

    @Test
    void the_same_key_with_another_body_is_a_422_problem_and_changes_nothing() throws Exception {
        String key = newKey();
        post("/things", key, thing("first-" + key));
        int executionsBefore = executions();

        HttpResponse<String> reused = post("/things", key, thing("second-" + key));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(reused.body()).get("type").asString())
                .isEqualTo("https://fooddelivery.example/problems/idempotency-key-reused");
        assertThat(things("second-" + key)).isZero();
        assertThat(executions()).isEqualTo(executionsBefore);
    }

    @Test
    void the_same_key_on_another_path_is_a_422_problem() throws Exception {
        String key = newKey();
        post("/things", key, thing("path-" + key));

        HttpResponse<String> reused = post("/things?delayMs=0", key, thing("path-" + key));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(things("path-" + key)).isOne();
    }

    @Test
    void keys_of_different_callers_do_not_meet() throws Exception {
        String key = newKey();

        HttpResponse<String> alice = send(
                "POST", "/things", key, thing("alice-" + key), Map.of(IdempotencyTestApplication.USER_HEADER, "a"));
        HttpResponse<String> bob =
                send("POST", "/things", key, thing("bob-" + key), Map.of(IdempotencyTestApplication.USER_HEADER, "b"));

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(bob.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
    }

    @Test
    void a_refused_request_is_not_stored_so_the_corrected_retry_with_the_same_key_runs() throws Exception {
        String key = newKey();

        HttpResponse<String> refused = post("/things", key, thing(" "));
        HttpResponse<String> refusedAgain = post("/things", key, thing(" "));
        HttpResponse<String> corrected = post("/things", key, thing("corrected-" + key));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refusedAgain.statusCode()).isEqualTo(422);
        assertThat(refusedAgain.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER))
                .isEmpty();
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(things("corrected-" + key)).isOne();
    }

    @Test
    void a_server_error_is_not_stored_and_the_retry_runs_again() throws Exception {
        String key = newKey();
        int executionsBefore = executions();

        HttpResponse<String> failed = post("/failures", key, "{}");
        HttpResponse<String> retry = post("/failures", key, "{}");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retry.statusCode()).isEqualTo(500);
        assertThat(executions() - executionsBefore).isEqualTo(2);
        assertThat(keyRows(key)).isZero();
    }

    @Test
    void concurrent_requests_with_the_same_key_have_exactly_one_effect() throws Exception {
        String key = newKey();
        String name = "concurrent-" + key;
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> post("/things?delayMs=500", key, thing(name)));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResponse<String>> response : pool.invokeAll(requests)) {
                responses.add(response.get());
            }
        }

        assertThat(things(name)).isOne();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        assertThat(responses.stream()
                        .filter(r -> r.statusCode() == 201
                                && r.headers()
                                        .firstValue(IdempotencyFilter.REPLAYED_HEADER)
                                        .isEmpty())
                        .count())
                .isOne();
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(JSON.readTree(r.body()).get("type").asString())
                            .isEqualTo("https://fooddelivery.example/problems/idempotency-key-in-progress");
                });
    }

    @Test
    void an_execution_left_in_progress_too_long_is_taken_over_by_a_retry() throws Exception {
        String key = newKey();
        String body = thing("taken-over-" + key);
        insertInProgress(key, "/things", body, Instant.now().minusSeconds(120));

        HttpResponse<String> retry = post("/things", key, body);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER))
                .isEmpty();
        assertThat(things("taken-over-" + key)).isOne();
        assertThat(jdbc().queryForObject(
                                "select state from idempotency_key where idempotency_key = ?", String.class, key))
                .isEqualTo("COMPLETED");
    }

    @Test
    void an_execution_in_progress_is_not_taken_over_before_its_time() throws Exception {
        String key = newKey();
        String body = thing("running-" + key);
        insertInProgress(key, "/things", body, Instant.now().minusSeconds(5));

        HttpResponse<String> retry = post("/things", key, body);

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(things("running-" + key)).isZero();
    }

    @Test
    void an_invalid_key_is_a_400_problem_naming_the_header() throws Exception {
        HttpResponse<String> response = post("/things", "k".repeat(101), thing("invalid-key"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(things("invalid-key")).isZero();
    }

    @Test
    void pruning_forgets_keys_older_than_the_retention_and_keeps_younger_ones() throws Exception {
        String old = newKey();
        String young = newKey();
        post("/things", old, thing("old-" + old));
        post("/things", young, thing("young-" + young));
        jdbc().update(
                        "update idempotency_key set claimed_at = now() - interval '25 hours' where idempotency_key = ?",
                        old);

        int pruned = context.getBean(IdempotencyPruner.class).prune();

        assertThat(pruned).isGreaterThanOrEqualTo(1);
        assertThat(keyRows(old)).isZero();
        assertThat(keyRows(young)).isOne();
        // A forgotten key is free again: the same key with another body runs instead of being refused.
        assertThat(post("/things", old, thing("reused-" + old)).statusCode()).isEqualTo(201);
    }

    /** Replaces the application context; the other tests use whichever context is current. */
    @Test
    void a_retry_after_a_restart_is_replayed_from_the_database() throws Exception {
        String key = newKey();
        String name = "restart-" + key;
        HttpResponse<String> first = post("/things", key, thing(name));

        context.close();
        context = startApplication();
        HttpResponse<String> retry = post("/things", key, thing(name));

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER))
                .hasValue("true");
        assertThat(things(name)).isOne();
    }

    private static ConfigurableApplicationContext startApplication() {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        return new SpringApplicationBuilder(IdempotencyTestApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .run();
    }

    private static void insertInProgress(String key, String path, String body, Instant claimedAt) {
        Timestamp at = Timestamp.from(claimedAt);
        jdbc().update(
                        "insert into idempotency_key (caller, idempotency_key, method, path, body_sha256, state,"
                                + " claim_token, created_at, claimed_at) values ('', ?, 'POST', ?, ?, 'IN_PROGRESS',"
                                + " ?, ?, ?)",
                        key,
                        path,
                        RequestFingerprint.sha256(body.getBytes(StandardCharsets.UTF_8)),
                        UUID.randomUUID(),
                        at,
                        at);
    }

    private static HttpResponse<String> post(String path, String key, String body) throws Exception {
        return send("POST", path, key, body, Map.of());
    }

    private static HttpResponse<String> send(
            String method, String path, String key, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String thing(String name) {
        return JSON.writeValueAsString(Map.of("name", name));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    private static int executions() {
        return context.getBean(IdempotencyTestApplication.ThingController.class)
                .executions
                .get();
    }

    private static int things(String name) {
        return jdbc().queryForObject("select count(*) from thing where name = ?", Integer.class, name);
    }

    private static int keyRows(String key) {
        return jdbc().queryForObject(
                        "select count(*) from idempotency_key where idempotency_key = ?", Integer.class, key);
    }
}
