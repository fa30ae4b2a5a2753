package com.fooddelivery.order.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json (Spring's handling of framework errors, plus the invalid fields for 400).
 * Features add their business-rule problems in their own web package. No stack trace ever leaves the service.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    /** Problem types are URIs under this base, one per kind of problem, documented in the API reference. */
    public static final String TYPE_BASE = "https://fooddelivery.example/problems/";

    record InvalidField(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), message(error)))
                .toList();
        return invalid(fields, e, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalid(fields, e, headers, request);
    }

    private ResponseEntity<Object> invalid(
            List<InvalidField> fields, Exception e, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Invalid "
                        + String.join(
                                ", ", fields.stream().map(InvalidField::field).toList()));
        problem.setType(URI.create(TYPE_BASE + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("errors", fields));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
