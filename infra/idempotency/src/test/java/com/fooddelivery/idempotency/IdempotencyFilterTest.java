package com.fooddelivery.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.FilterProblems;
import com.fooddelivery.web.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter's HTTP behaviour with the store's decisions scripted (the store itself is tested on PostgreSQL). */
class IdempotencyFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScriptedStore store = new ScriptedStore();
    private final IdempotencyFilter filter = new IdempotencyFilter(
            store,
            new PrincipalCallerIdentity(),
            new FilterProblems(ProblemMessages.fromClasspath(), JSON),
            Duration.ofSeconds(2),
            List.of("/auth/**"));
    private final AtomicInteger executions = new AtomicInteger();

    @Test
    void an_invalid_key_is_a_400_problem_naming_the_header_and_nothing_runs() throws Exception {
        MockHttpServletResponse response = send(post("caf\u00e9"), 201);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/invalid-request");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(executions).hasValue(0);
        assertThat(store.begun).isZero();
    }

    @Test
    void a_request_without_a_key_or_a_get_is_not_touched() throws Exception {
        MockHttpServletRequest noKey = new MockHttpServletRequest("POST", "/things");
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/things");
        get.addHeader(IdempotencyKeys.HEADER, "k");

        send(noKey, 201);
        send(get, 200);

        assertThat(executions).hasValue(2);
        assertThat(store.begun).isZero();
    }

    @Test
    void a_successful_first_request_is_stored_with_its_status_location_type_and_body() throws Exception {
        store.next = new Decision.Execute(UUID.randomUUID());

        MockHttpServletResponse response = send(post("k"), 201);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}");
        assertThat(store.completed).singleElement().satisfies(stored -> {
            assertThat(stored.status()).isEqualTo(201);
            assertThat(stored.location()).isEqualTo("/things/1");
            assertThat(stored.contentType()).isEqualTo("application/json");
            assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        });
        assertThat(store.released).isZero();
    }

    @Test
    void a_failed_first_request_is_not_stored_and_its_key_is_released() throws Exception {
        store.next = new Decision.Execute(UUID.randomUUID());

        MockHttpServletResponse response = send(post("k"), 422);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(store.completed).isEmpty();
        assertThat(store.released).isOne();
    }

    @Test
    void a_replay_answers_the_stored_response_and_runs_nothing() throws Exception {
        store.next = new Decision.Replay(new StoredResponse(
                201, "/things/1", "application/json", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)));

        MockHttpServletResponse response = send(post("k"), 201);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/things/1");
        assertThat(response.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}");
        assertThat(executions).hasValue(0);
    }

    @Test
    void a_reused_key_is_a_422_problem_and_runs_nothing() throws Exception {
        store.next = new Decision.KeyReused();

        MockHttpServletResponse response = send(post("k"), 201);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(JSON.readTree(response.getContentAsByteArray()).get("type").asString())
                .isEqualTo("https://fooddelivery.example/problems/idempotency-key-reused");
        assertThat(executions).hasValue(0);
    }

    @Test
    void its_problems_speak_the_clients_language_like_every_other_problem() throws Exception {
        store.next = new Decision.KeyReused();
        MockHttpServletRequest inTamil = post("k");
        inTamil.addHeader("Accept-Language", "ta");

        MockHttpServletResponse response = send(inTamil, 201);

        var problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(response.getHeader("Content-Language")).isEqualTo("ta");
        assertThat(problem.get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(problem.get("title").asString()).isEqualTo("Idempotency-Key ஏற்கனவே பயன்படுத்தப்பட்டது");
        assertThat(ProblemMessages.fromClasspath().missingTranslations(AcceptLanguageResolver.HINDI))
                .doesNotContainKey("idempotency");
        assertThat(ProblemMessages.fromClasspath().missingTranslations(AcceptLanguageResolver.TAMIL))
                .doesNotContainKey("idempotency");
    }

    @Test
    void a_key_in_progress_is_a_409_problem_with_retry_after() throws Exception {
        store.next = new Decision.InProgress();

        MockHttpServletResponse response = send(post("k"), 201);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(JSON.readTree(response.getContentAsByteArray()).get("type").asString())
                .isEqualTo("https://fooddelivery.example/problems/idempotency-key-in-progress");
        assertThat(executions).hasValue(0);
    }

    @Test
    void the_handler_reads_the_same_body_that_was_hashed() throws Exception {
        store.next = new Decision.Execute(UUID.randomUUID());
        List<String> seen = new ArrayList<>();

        filter.doFilter(
                post("k"),
                new MockHttpServletResponse(),
                (request, response) ->
                        seen.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(seen).containsExactly("{\"name\":\"a\"}");
        assertThat(store.lastRequest.bodySha256())
                .isEqualTo(RequestFingerprint.sha256("{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keys_are_scoped_by_the_authenticated_user() throws Exception {
        store.next = new Decision.Execute(UUID.randomUUID());
        MockHttpServletRequest request = post("k");
        request.setUserPrincipal(() -> "c1");

        send(request, 201);

        assertThat(store.lastCaller).isEqualTo("user:c1");
    }

    @Test
    void an_excluded_path_is_never_recorded_even_with_a_key() throws Exception {
        MockHttpServletRequest signIn = post("k");
        signIn.setRequestURI("/auth/token");

        MockHttpServletResponse response = send(signIn, 200);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(store.lastCaller).as("the store was never asked").isNull();
        assertThat(executions).hasValue(1);
    }

    @Test
    void a_request_without_a_user_has_the_empty_caller() throws Exception {
        store.next = new Decision.Execute(UUID.randomUUID());

        send(post("k"), 201);

        assertThat(store.lastCaller).isEmpty();
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, int status) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
                    throws java.io.IOException {
                executions.incrementAndGet();
                res.setStatus(status);
                res.setHeader("Location", "/things/1");
                res.setContentType("application/json");
                res.getOutputStream().write("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
            }
        }));
        return response;
    }

    private static MockHttpServletRequest post(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/things");
        request.addHeader(IdempotencyKeys.HEADER, key);
        request.setContentType("application/json");
        request.setContent("{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** Answers {@link #next} and records what the filter stores or releases. */
    private static final class ScriptedStore extends IdempotencyStore {

        Decision next;
        int begun;
        int released;
        String lastCaller;
        RequestFingerprint lastRequest;
        final List<StoredResponse> completed = new ArrayList<>();

        ScriptedStore() {
            super(null, Clock.systemUTC(), Duration.ofSeconds(60));
        }

        @Override
        public Decision begin(String caller, String key, RequestFingerprint request) {
            begun++;
            lastCaller = caller;
            lastRequest = request;
            return next;
        }

        @Override
        public boolean complete(String caller, String key, UUID claimToken, StoredResponse response) {
            completed.add(response);
            return true;
        }

        @Override
        public void release(String caller, String key, UUID claimToken) {
            released++;
        }
    }
}
