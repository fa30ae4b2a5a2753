package com.fooddelivery.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request that lost a race in the database is a 409 problem in the client's language, never a 500. */
class RacesLostInTheDatabaseTest {

    @RestController
    static class RacingController {

        @PostMapping("/deadlock")
        String deadlock() {
            throw new PessimisticLockingFailureException("deadlock", new SQLException("deadlock detected", "40P01"));
        }

        @PostMapping("/serialization-failure")
        String serializationFailure() {
            throw new CannotAcquireLockException(
                    "could not serialize", new SQLException("could not serialize access", "40001"));
        }

        @PostMapping("/stale-version")
        String staleVersion() {
            throw new OptimisticLockingFailureException("row was updated by another transaction");
        }

        @PostMapping("/broken-constraint")
        String brokenConstraint() {
            throw new DataIntegrityViolationException("not null violated");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RacingController())
            .setControllerAdvice(
                    new ProblemResponses(),
                    new ConcurrencyProblems(),
                    new ProblemLanguage(ProblemMessages.fromClasspath()))
            .setLocaleResolver(new AcceptLanguageResolver())
            .setMessageConverters(new JacksonJsonHttpMessageConverter())
            .build();

    @Test
    void a_deadlock_a_serialization_failure_and_a_stale_version_are_409_concurrent_update() throws Exception {
        for (String race : new String[] {"/deadlock", "/serialization-failure", "/stale-version"}) {
            mvc.perform(post(race))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/concurrent-update"))
                    .andExpect(jsonPath("$.title").value("Changed at the same time"));
        }
    }

    @Test
    void the_409_is_in_the_clients_language() throws Exception {
        mvc.perform(post("/deadlock").header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.title").value("एक ही समय पर बदलाव"));
        mvc.perform(post("/deadlock").header(HttpHeaders.ACCEPT_LANGUAGE, "ta"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.title").value("ஒரே நேரத்தில் மாற்றம்"));
    }

    @Test
    void another_database_error_is_not_mistaken_for_a_race_and_stays_a_500() throws Exception {
        mvc.perform(post("/broken-constraint"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/internal-error"));
    }
}
