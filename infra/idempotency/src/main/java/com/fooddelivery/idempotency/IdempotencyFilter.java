package com.fooddelivery.idempotency;

import com.fooddelivery.web.CachedBodyRequest;
import com.fooddelivery.web.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every POST and PUT that carries an {@code Idempotency-Key} idempotent, per caller ({@link CallerIdentity}).
 *
 * <ul>
 *   <li>First use of a key: the key is recorded IN_PROGRESS (its own committed insert), the handler runs, and a 2xx
 *       response is stored (status, {@code Location}, {@code Content-Type}, body). A non-2xx response is not stored:
 *       the key is released, so the client may correct the request and retry with the same key.
 *   <li>The same key again with the same method, path and body: the stored response, byte for byte, with
 *       {@code Idempotent-Replayed: true}. Nothing runs.
 *   <li>The same key with another body, method or path: 422 {@code idempotency-key-reused}. Nothing runs.
 *   <li>The same key while its first request still runs: 409 {@code idempotency-key-in-progress} with
 *       {@code Retry-After}.
 *   <li>A key that is not 1 to 100 printable ASCII characters: 400 {@code invalid-request} naming the header.
 * </ul>
 *
 * <p>The trade-off: a filter cannot share the handler's transaction, so the response is stored right after the
 * handler committed, in a transaction of its own. A crash (or a failed store) in between leaves the key IN_PROGRESS:
 * retries get 409 until {@code idempotency.take-over-after} has passed, then one retry runs the handler again. Only a
 * handler that is itself idempotent for that retry (order-service derives the order id from the key) is safe across
 * such a crash; everything else is protected against retries, concurrent duplicates and restarts.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /**
     * After Spring Security's filter chain ({@code -100}), so an authenticated caller is known once there is one, and
     * before the dispatcher.
     */
    public static final int ORDER = -90;

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> METHODS = Set.of("POST", "PUT");

    private final IdempotencyStore store;
    private final CallerIdentity callers;
    private final FilterProblems problems;
    private final Duration retryAfter;
    private final List<PathPattern> excludedPaths;

    public IdempotencyFilter(
            IdempotencyStore store,
            CallerIdentity callers,
            FilterProblems problems,
            Duration retryAfter,
            List<String> excludedPaths) {
        this.store = store;
        this.callers = callers;
        this.problems = problems;
        this.retryAfter = retryAfter;
        this.excludedPaths = excludedPaths.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!METHODS.contains(request.getMethod()) || request.getHeader(IdempotencyKeys.HEADER) == null) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(pathOf(request));
        return excludedPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IdempotencyKeys.HEADER);
        String invalid = IdempotencyKeys.problemWith(key);
        if (invalid != null) {
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    Map.of("errors", List.of(Map.of("field", IdempotencyKeys.HEADER, "message", invalid))),
                    IdempotencyKeys.HEADER);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest cached = new CachedBodyRequest(request, body);
        String caller = callers.of(request);
        RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethod(), pathOf(request), body);

        switch (store.begin(caller, key, fingerprint)) {
            case Decision.Execute execute -> execute(cached, response, chain, caller, key, execute.claimToken());
            case Decision.Replay replay -> replay(response, replay.response());
            case Decision.KeyReused reused ->
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", Map.of());
            case Decision.InProgress inProgress -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
                problems.write(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress", Map.of());
            }
            case Decision.TakeOver takeOver -> throw new IllegalStateException("The store resolves takeovers itself");
        }
    }

    private void execute(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String caller,
            String key,
            UUID claimToken)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            releaseQuietly(caller, key, claimToken);
            throw e;
        }
        try {
            int status = recorded.getStatus();
            if (request.isAsyncStarted()) {
                // Asynchronous handlers finish later, on another thread: not supported; the key is simply freed.
                log.warn("Idempotency-Key ignored for asynchronous {} {}", request.getMethod(), pathOf(request));
                releaseQuietly(caller, key, claimToken);
            } else if (StoredResponse.isStored(status)) {
                storeQuietly(
                        caller,
                        key,
                        claimToken,
                        new StoredResponse(
                                status,
                                recorded.getHeader(HttpHeaders.LOCATION),
                                recorded.getContentType(),
                                recorded.getContentAsByteArray()));
            } else {
                releaseQuietly(caller, key, claimToken);
            }
        } finally {
            recorded.copyBodyToResponse();
        }
    }

    /**
     * The handler has committed: its response goes to the client even if it cannot be stored. The key then stays
     * IN_PROGRESS until a retry takes it over.
     */
    private void storeQuietly(String caller, String key, UUID claimToken, StoredResponse response) {
        try {
            if (!store.complete(caller, key, claimToken, response)) {
                log.warn("Idempotency-Key was taken over before its response could be stored");
            }
        } catch (RuntimeException e) {
            log.error(
                    "Storing the response of an Idempotency-Key failed; retries get 409 until it may be taken over", e);
        }
    }

    private void releaseQuietly(String caller, String key, UUID claimToken) {
        try {
            store.release(caller, key, claimToken);
        } catch (RuntimeException e) {
            log.error("Releasing an Idempotency-Key failed; retries get 409 until it may be taken over", e);
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = stored.body() != null ? stored.body() : new byte[0];
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }
}
