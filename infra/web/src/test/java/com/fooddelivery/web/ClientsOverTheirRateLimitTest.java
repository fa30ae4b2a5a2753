package com.fooddelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClientsOverTheirRateLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FilterProblems PROBLEMS = new FilterProblems(ProblemMessages.fromClasspath(), JSON);
    /** Three requests per window of 3 / 1 = 3 seconds: no window ends during a test. */
    private static final RateLimitProperties THREE_EVERY_THREE_SECONDS = new RateLimitProperties(true, 1, 3, null);

    private final RateLimitFilter filter = new RateLimitFilter(THREE_EVERY_THREE_SECONDS, PROBLEMS);
    private final AtomicInteger handled = new AtomicInteger();
    private final FilterChain handler = (request, response) -> handled.incrementAndGet();

    @Test
    void answers_429_with_retry_after_and_a_problem_once_a_client_used_up_its_window_and_runs_nothing()
            throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(customerRequest("alice")).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse rejected = send(customerRequest("alice"));

        assertThat(rejected.getStatus()).isEqualTo(429);
        assertThat(rejected.getHeader("Retry-After")).isEqualTo("3");
        assertThat(rejected.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(rejected.getContentAsByteArray());
        assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/too-many-requests");
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asString()).contains("Retry after 3 s");
        assertThat(problem.get("instance").asString()).isEqualTo("/orders");
        assertThat(handled).hasValue(3);
    }

    @Test
    void writes_the_problem_in_the_clients_language() throws Exception {
        exhaust(customerRequest("priya"));
        MockHttpServletRequest tamil = customerRequest("priya");
        tamil.addHeader("Accept-Language", "ta");

        MockHttpServletResponse rejected = send(tamil);

        assertThat(rejected.getHeader("Content-Language")).isEqualTo("ta");
        assertThat(JSON.readTree(rejected.getContentAsByteArray()).get("title").asString())
                .isEqualTo("மிக அதிகமான கோரிக்கைகள்");
    }

    @Test
    void does_not_limit_another_client_when_one_is_over_its_limit() throws Exception {
        exhaust(customerRequest("alice"));

        assertThat(send(customerRequest("alice")).getStatus()).isEqualTo(429);
        assertThat(send(customerRequest("bob")).getStatus()).isEqualTo(200);
        // An anonymous request from the address alice used is another client: the address, not the user.
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/orders");
        assertThat(send(anonymous).getStatus()).isEqualTo(200);
    }

    @Test
    void limits_an_anonymous_client_by_its_remote_address() throws Exception {
        exhaust(fromAddress("10.0.0.1"));

        assertThat(send(fromAddress("10.0.0.1")).getStatus()).isEqualTo(429);
        assertThat(send(fromAddress("10.0.0.2")).getStatus()).isEqualTo(200);
    }

    @Test
    void never_limits_the_actuator() throws Exception {
        exhaust(fromAddress("10.0.0.9"));

        for (String path : new String[] {"/actuator/health", "/actuator", "/actuator/prometheus"}) {
            MockHttpServletRequest probe = new MockHttpServletRequest("GET", path);
            probe.setRemoteAddr("10.0.0.9");
            assertThat(send(probe).getStatus()).as(path).isEqualTo(200);
        }
        MockHttpServletRequest lookalike = new MockHttpServletRequest("GET", "/actuatorx");
        lookalike.setRemoteAddr("10.0.0.9");
        assertThat(send(lookalike).getStatus()).isEqualTo(429);
    }

    @Test
    void keeps_at_most_max_clients_limiters() throws Exception {
        RateLimitFilter small = new RateLimitFilter(new RateLimitProperties(true, 1, 3, 2), PROBLEMS);

        for (String customer : new String[] {"a", "b", "c", "d"}) {
            small.doFilter(customerRequest(customer), new MockHttpServletResponse(), handler);
        }

        assertThat(small.clients()).isEqualTo(2);
    }

    @Test
    void rounds_retry_after_up_to_whole_seconds_and_never_below_one() throws Exception {
        assertThat(new RateLimitProperties(true, 20, null, null).refreshPeriod())
                .hasSeconds(1);
        assertThat(new RateLimitProperties(true, 20, 40, null).refreshPeriod()).hasSeconds(2);
        // Two requests per half second.
        RateLimitFilter halfSecond = new RateLimitFilter(new RateLimitProperties(true, 4, 2, null), PROBLEMS);
        halfSecond.doFilter(customerRequest("x"), new MockHttpServletResponse(), handler);
        halfSecond.doFilter(customerRequest("x"), new MockHttpServletResponse(), handler);
        MockHttpServletResponse rejected = new MockHttpServletResponse();

        halfSecond.doFilter(customerRequest("x"), rejected, handler);

        assertThat(rejected.getStatus()).isEqualTo(429);
        assertThat(rejected.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void registers_the_filter_by_default_after_spring_security_and_before_the_idempotency_filter() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebSupportAutoConfiguration.class))
                .withBean(JsonMapper.class, () -> JSON)
                .run(context -> {
                    FilterRegistrationBean<?> registration =
                            context.getBean("rateLimitFilter", FilterRegistrationBean.class);
                    assertThat(registration.getFilter()).isInstanceOf(RateLimitFilter.class);
                    assertThat(registration.getOrder()).isGreaterThan(-100).isLessThan(-90);
                    assertThat(context.getBean(RateLimitProperties.class).requestsPerSecond())
                            .isEqualTo(20);
                    assertThat(context.getBean(RateLimitProperties.class).burst())
                            .isEqualTo(20);
                });
    }

    @Test
    void does_not_register_the_filter_when_disabled() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebSupportAutoConfiguration.class))
                .withBean(JsonMapper.class, () -> JSON)
                .withPropertyValues("web.rate-limit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("rateLimitFilter"));
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler);
        return response;
    }

    private void exhaust(MockHttpServletRequest template) throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", template.getRequestURI());
            request.setRemoteAddr(template.getRemoteAddr());
            request.setUserPrincipal(template.getUserPrincipal());
            template.getHeaderNames()
                    .asIterator()
                    .forEachRemaining(name -> request.addHeader(name, template.getHeader(name)));
            send(request);
        }
    }

    private static MockHttpServletRequest customerRequest(String customer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
        // As Spring Security names the user whose token it verified.
        request.setUserPrincipal(() -> customer);
        return request;
    }

    private static MockHttpServletRequest fromAddress(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
        request.setRemoteAddr(address);
        return request;
    }
}
