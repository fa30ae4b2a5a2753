package com.fooddelivery.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details with our type URIs: one type per kind of problem, documented in docs/api. */
public final class Problems {

    public static final String TYPE_BASE = "https://fooddelivery.example/problems/";

    private Problems() {}

    /** @param type the kind of problem in kebab case, e.g. {@code restaurant-closed} */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
