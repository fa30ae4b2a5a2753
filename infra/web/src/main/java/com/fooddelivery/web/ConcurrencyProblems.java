package com.fooddelivery.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that lost a race inside the database answers {@code 409 concurrent-update}, not 500: Spring's
 * {@link ConcurrencyFailureException} covers PostgreSQL's deadlock victim (40P01), serialization failure (40001), lock
 * not available (55P03) and every optimistic-locking failure. Its transaction was rolled back whole, so nothing
 * changed; the client reads the resource again and decides whether the action still applies. Only in services with
 * Spring's data access on the class path (see {@link WebSupportAutoConfiguration}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before the catch-all of ProblemResponses, after the features' own advice
public class ConcurrencyProblems {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyProblems.class);

    @ExceptionHandler
    ProblemDetail concurrentUpdate(ConcurrencyFailureException e) {
        log.info(
                "A request lost a race in the database and was rolled back: {}",
                e.getMostSpecificCause().toString());
        return Problems.localized(HttpStatus.CONFLICT, "concurrent-update");
    }
}
