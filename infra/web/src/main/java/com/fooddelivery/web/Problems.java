package com.fooddelivery.web;

import java.net.URI;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem details with our type URIs: one type per kind of problem, documented in docs/api.
 *
 * <p>{@link #localized} problems carry no text when built: their title and detail are looked up by type in the
 * {@code problems/*.properties} bundles when the answer is written, in the language of the request (see
 * {@link ProblemMessages}).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://fooddelivery.example/problems/";

    private Problems() {}

    /**
     * A problem with fixed English text, never translated: prefer {@link #localized}.
     *
     * @param type the kind of problem in kebab case, e.g. {@code restaurant-closed}
     */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A problem whose title and detail are the messages {@code <type>.title} and {@code <type>.detail}, the detail
     * formatted with {@code detailArguments} ({@link java.text.MessageFormat}; an argument that is a
     * {@link MessageSourceResolvable}, e.g. from {@link #text}, is itself translated).
     */
    public static ProblemDetail localized(HttpStatus status, String type, Object... detailArguments) {
        return new LocalizedProblem(status, type, detailArguments, null);
    }

    /** 400 {@code invalid-request} naming each field, with a translated message per field ({@code errors}). */
    public static ProblemDetail invalidRequest(List<InvalidInput> inputs) {
        String names =
                String.join(", ", inputs.stream().map(InvalidInput::field).toList());
        return new LocalizedProblem(HttpStatus.BAD_REQUEST, "invalid-request", new Object[] {names}, inputs);
    }

    /** A field (body path, header or parameter name, never translated) and what is wrong with it. */
    public record InvalidInput(String field, MessageSourceResolvable message) {}

    /** What is wrong with {@code field}: the message {@code code} of the bundles, formatted with {@code arguments}. */
    public static InvalidInput invalid(String field, String code, Object... arguments) {
        return new InvalidInput(field, new DefaultMessageSourceResolvable(new String[] {code}, arguments));
    }

    /** A translatable argument: the message {@code code}, or {@code fallback} as it is when no bundle has it. */
    public static MessageSourceResolvable text(String code, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {code}, null, fallback);
    }
}
