package com.fooddelivery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter, which answers before Spring MVC and its {@link ProblemLanguage} advice run:
 * the same body and the same language negotiation as every other problem.
 */
public final class FilterProblems {

    private final ProblemMessages messages;
    private final JsonMapper json;

    public FilterProblems(ProblemMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * Answers {@code status} with the problem {@code type}, its title and detail (formatted with {@code arguments}) in
     * the request's language, and {@code properties} (never translated) after them.
     */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String type,
            Map<String, Object> properties,
            Object... arguments)
            throws IOException {
        Locale locale = AcceptLanguageResolver.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE + type);
        body.put("title", messages.title(type, status, locale));
        body.put("status", status.value());
        body.put("detail", messages.detail(type, arguments, locale));
        body.put("instance", request.getRequestURI());
        body.putAll(properties);
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.setContentType("application/problem+json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
