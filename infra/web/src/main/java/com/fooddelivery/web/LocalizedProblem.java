package com.fooddelivery.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A problem whose title and detail are written in the language of the request, by {@link ProblemLanguage}. What it
 * needs for that is kept in fields without getters, so JSON never shows it.
 */
final class LocalizedProblem extends ProblemDetail {

    private final String key;
    private final Object[] detailArguments;
    private final List<Problems.InvalidInput> invalidInputs;

    LocalizedProblem(
            HttpStatus status, String type, Object[] detailArguments, List<Problems.InvalidInput> invalidInputs) {
        super(status.value());
        setType(URI.create(Problems.TYPE_BASE + type));
        this.key = type;
        this.detailArguments = detailArguments == null ? new Object[0] : detailArguments.clone();
        this.invalidInputs = invalidInputs == null ? null : List.copyOf(invalidInputs);
    }

    String key() {
        return key;
    }

    Object[] detailArguments() {
        return detailArguments.clone();
    }

    /** null when the problem has no {@code errors}. */
    List<Problems.InvalidInput> invalidInputs() {
        return invalidInputs;
    }
}
