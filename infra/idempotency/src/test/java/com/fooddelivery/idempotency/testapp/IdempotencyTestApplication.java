package com.fooddelivery.idempotency.testapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/** A service with one table and state-changing endpoints, for the library's integration tests. */
@SpringBootApplication
public class IdempotencyTestApplication {

    /** Names the user as Spring Security would after checking a token; here the header {@value #USER_HEADER} does. */
    public static final String USER_HEADER = "X-Test-User";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> authenticatedUser() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String user = request.getHeader(USER_HEADER);
                        chain.doFilter(
                                user == null
                                        ? request
                                        : new HttpServletRequestWrapper(request) {
                                            @Override
                                            public Principal getUserPrincipal() {
                                                return () -> user;
                                            }
                                        },
                                response);
                    }
                });
        // Where Spring Security's chain runs in a service.
        registration.setOrder(-100);
        return registration;
    }

    public record ThingRequest(String name) {}

    /** {@code nonce} is new on every execution: a replay shows the first one's. */
    public record Thing(UUID id, String name, UUID nonce) {}

    @RestController
    public static class ThingController {

        public final AtomicInteger executions = new AtomicInteger();
        private final JdbcTemplate jdbc;

        ThingController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** 201 with Location; a blank name is a 422 that changes nothing. */
        @PostMapping("/things")
        ResponseEntity<?> create(@RequestBody ThingRequest request, @RequestParam(defaultValue = "0") long delayMs)
                throws InterruptedException {
            executions.incrementAndGet();
            Thread.sleep(delayMs);
            if (request.name() == null || request.name().isBlank()) {
                return ResponseEntity.unprocessableContent()
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "name is blank"));
            }
            UUID id = UUID.randomUUID();
            jdbc.update("insert into thing (id, name) values (?, ?)", id, request.name());
            return ResponseEntity.created(URI.create("/things/" + id))
                    .body(new Thing(id, request.name(), UUID.randomUUID()));
        }

        @PutMapping("/things/{id}")
        Map<String, Object> rename(@PathVariable UUID id, @RequestBody ThingRequest request) {
            executions.incrementAndGet();
            int updated = jdbc.update("update thing set name = ? where id = ?", request.name(), id);
            return Map.of("id", id, "updated", updated, "nonce", UUID.randomUUID());
        }

        /** Always a 500: its key must be released, not stored. */
        @PostMapping("/failures")
        ResponseEntity<String> fail() {
            executions.incrementAndGet();
            return ResponseEntity.internalServerError().body("{}");
        }
    }
}
