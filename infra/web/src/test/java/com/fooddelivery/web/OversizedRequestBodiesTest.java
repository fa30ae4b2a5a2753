package com.fooddelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OversizedRequestBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestBodyLimitFilter filter =
            new RequestBodyLimitFilter(DataSize.ofBytes(10), new FilterProblems(ProblemMessages.fromClasspath(), JSON));
    private final AtomicReference<String> bodySeenByTheHandler = new AtomicReference<>();
    private final MockFilterChain handler = new MockFilterChain() {
        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
                throws java.io.IOException {
            bodySeenByTheHandler.set(
                    new String(((HttpServletRequest) request).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    };

    @Test
    void a_declared_length_over_the_limit_is_a_413_problem_and_nothing_runs() throws Exception {
        MockHttpServletRequest request = post("{\"a\":\"0123456789\"}");

        MockHttpServletResponse response = send(request);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asString()).isEqualTo(Problems.TYPE_BASE + "payload-too-large");
        assertThat(problem.get("detail").asString()).contains("10 bytes");
        assertThat(bodySeenByTheHandler).hasNullValue();
    }

    @Test
    void a_chunked_body_over_the_limit_is_a_413_in_the_clients_language() throws Exception {
        MockHttpServletRequest request = chunked("{\"a\":\"0123456789\"}");
        request.addHeader("Accept-Language", "ta");

        MockHttpServletResponse response = send(request);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Content-Language")).isEqualTo("ta");
        assertThat(bodySeenByTheHandler).hasNullValue();
    }

    @Test
    void a_body_within_the_limit_reaches_the_handler_unchanged() throws Exception {
        send(chunked("{\"a\":1}"));
        assertThat(bodySeenByTheHandler).hasValue("{\"a\":1}");

        send(post("0123456789"));
        assertThat(bodySeenByTheHandler).hasValue("0123456789");
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler);
        return response;
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** As sent with {@code Transfer-Encoding: chunked}: no length declared. */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }
}
