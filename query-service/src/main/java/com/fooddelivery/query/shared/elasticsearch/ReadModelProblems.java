package com.fooddelivery.query.shared.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fooddelivery.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A read Elasticsearch cannot answer now is a 503 {@code read-model-unavailable} with {@code Retry-After}, never a
 * 500: every connection busy for longer than {@code query.elasticsearch.connection-wait} (more reads than it answers),
 * Elasticsearch unreachable, or Elasticsearch itself pushing back (429, 503). The apps back off and retry; the
 * service sheds what it cannot serve instead of queueing it. Counted as {@code query.reads.unavailable}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadModelProblems {

    private static final Logger log = LoggerFactory.getLogger(ReadModelProblems.class);

    private final long retryAfterSeconds;
    private final Counter unavailable;

    ReadModelProblems(@Value("${query.elasticsearch.retry-after}") Duration retryAfter, MeterRegistry meters) {
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        this.unavailable = Counter.builder("query.reads.unavailable")
                .description("Reads answered 503 because Elasticsearch could not answer them in time")
                .register(meters);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreachableOrBusy(UncheckedIOException e) {
        log.debug("Elasticsearch could not answer a read", e);
        return unavailable();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ElasticsearchException e) {
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS.value()
                || e.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return unavailable();
        }
        log.error("Elasticsearch refused a read", e); // a request this service built wrong: a bug
        return ResponseEntity.internalServerError()
                .body(Problems.localized(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
    }

    private ResponseEntity<ProblemDetail> unavailable() {
        unavailable.increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(Problems.localized(HttpStatus.SERVICE_UNAVAILABLE, "read-model-unavailable", retryAfterSeconds));
    }
}
