package com.fooddelivery.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code web.max-request-body} (default 1 MB) with {@code 413 payload-too-large},
 * before anything reads it: a declared {@code Content-Length} over the limit is refused unread, a chunked body is
 * read up to one byte past the limit and no further. The largest legitimate body, a full menu, is far below it.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** First of all filters: neither authentication nor rate limiting reads an oversized body. */
    public static final int ORDER = -110;

    private final long maxBytes;
    private final FilterProblems problems;

    public RequestBodyLimitFilter(DataSize max, FilterProblems problems) {
        this.maxBytes = max.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(request, response);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
            if (body.length > maxBytes) {
                reject(request, response);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The unread rest of the body would otherwise be taken for the next request on this connection.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", Map.of(), maxBytes);
    }
}
