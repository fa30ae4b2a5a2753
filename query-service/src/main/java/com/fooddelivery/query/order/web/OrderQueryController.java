package com.fooddelivery.query.order.web;

import com.fooddelivery.query.order.query.OrderReadModel;
import com.fooddelivery.query.order.query.OrderVersion;
import com.fooddelivery.query.order.query.OrderView;
import com.fooddelivery.query.shared.projection.LongPollsExhaustedException;
import com.fooddelivery.security.Caller;
import com.fooddelivery.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
class OrderQueryController {

    private final OrderReadModel orders;
    private final Duration readYourWritesWait;

    OrderQueryController(OrderReadModel orders, @Value("${query.read-your-writes-wait}") Duration readYourWritesWait) {
        this.orders = orders;
        this.readYourWritesWait = readYourWritesWait;
    }

    /**
     * The order as the apps show it, with its delivery. Three ways to follow it cheaply:
     *
     * <ul>
     *   <li>{@code If-None-Match} with the last ETag: 304 without a body until the order or its delivery changes;
     *   <li>{@code minVersion=N} (the sequence {@code POST /orders} returned): waits up to {@code
     *       query.read-your-writes-wait} until the read model has caught up, so a just-placed order is not a 404;
     *   <li>{@code waitSeconds=S} with {@code If-None-Match}: a long-poll answering as soon as the order changes, or
     *       304 after S seconds.
     * </ul>
     *
     * After waiting the answer is whatever the read model holds then: the order (check its {@code sequence}), 304, or
     * 404. A read that would wait while this instance already has {@code query.long-poll.max-concurrent} waiting
     * requests is a 503 with {@code Retry-After} at once; reads that need not wait are never refused.
     */
    @GetMapping("/orders/{orderId}")
    ResponseEntity<OrderView> order(
            @PathVariable UUID orderId,
            @RequestParam(required = false) @Min(0) Long minVersion,
            @RequestParam(required = false) @Min(1) @Max(30) Integer waitSeconds,
            Caller caller,
            WebRequest request)
            throws InterruptedException {
        String knownETag = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        Duration atMost = waitSeconds != null
                ? Duration.ofSeconds(waitSeconds)
                : minVersion != null ? readYourWritesWait : Duration.ZERO;
        if (knownETag == null && atMost.isZero()) {
            return answer(orders.find(orderId.toString(), caller), orderId);
        }
        // Follow the version alone (no bodies), and read the whole order only when it is to be sent.
        Predicate<Optional<OrderVersion>> done = found -> found.filter(
                        version -> minVersion == null || version.orderSequence() >= minVersion)
                .filter(version -> waitSeconds == null || knownETag == null || !sameETag(knownETag, version.etag()))
                .isPresent();
        OrderVersion version =
                orders.await(orderId.toString(), caller, done, atMost).orElseThrow(() -> notFound(orderId));
        if (knownETag != null && request.checkNotModified(version.etag())) {
            return null;
        }
        return answer(orders.find(orderId.toString(), caller), orderId);
    }

    private static ResponseEntity<OrderView> answer(Optional<OrderView> found, UUID orderId) {
        OrderView view = found.orElseThrow(() -> notFound(orderId));
        return ResponseEntity.ok()
                .eTag(view.etag())
                .cacheControl(CacheControl.noCache())
                .body(view);
    }

    private static ErrorResponseException notFound(UUID orderId) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND, Problems.localized(HttpStatus.NOT_FOUND, "order-not-found", orderId), null);
    }

    /** Every long-poll slot is taken: 503 now, rather than queueing the request or answering something stale. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyWaiting(LongPollsExhaustedException e) {
        // Whole seconds, rounded up, at least 1: the header has no finer unit.
        long retryAfterSeconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(Problems.localized(HttpStatus.SERVICE_UNAVAILABLE, "too-many-waiting", retryAfterSeconds));
    }

    /** Whether {@code If-None-Match} names {@code etag}, compared weakly (RFC 9110 8.8.3.2), as Spring's 304 does. */
    private static boolean sameETag(String ifNoneMatch, String etag) {
        ETag current = ETag.create(etag);
        return ETag.parse(ifNoneMatch).stream().anyMatch(known -> known.isWildcard() || known.compare(current, false));
    }
}
