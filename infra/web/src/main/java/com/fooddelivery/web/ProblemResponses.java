package com.fooddelivery.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every service as RFC 9457 problem+json: Spring's handling of framework errors, invalid input as 400
 * naming each offending field (body path such as {@code items[0].quantity}, or header name), and a bare 500 for the
 * unforeseen. Features answer their business-rule problems in their own advice, which is asked first. No stack
 * trace ever leaves a service.
 */
@RestControllerAdvice
@Order
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** One entry of {@code errors}, as the client reads it: the field's name and a message in its language. */
    public record InvalidField(String field, String message) {}

    /** Unreadable bodies: name the field when Jackson can (unknown field, wrong type or value), else "malformed". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Problems.InvalidInput field =
                switch (e.getMostSpecificCause()) {
                    case UnrecognizedPropertyException unknown -> Problems.invalid(path(unknown), "field.unknown");
                    case MismatchedInputException mismatch -> Problems.invalid(path(mismatch), "field.wrong-type");
                    default -> null;
                };
        if (field == null) {
            ProblemDetail problem = Problems.localized(HttpStatus.BAD_REQUEST, "malformed-json");
            return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        return invalid(List.of(field), e, headers, request);
    }

    /** A path variable, parameter or header that does not convert, such as {@code /orders/abc}: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String message = UUID.class.equals(e.getRequiredType()) ? "field.not-a-uuid" : "field.wrong-type";
        return invalid(List.of(Problems.invalid(name, message)), e, headers, request);
    }

    /** A {@code @Valid} body when the handler has no other constrained parameter. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.InvalidInput> fields = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemResponses::invalidField)
                .toList();
        return invalid(fields, e, headers, request);
    }

    /** Constrained headers or parameters, together with the fields of a {@code @Valid} body on the same handler. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.InvalidInput> fields = e.getParameterValidationResults().stream()
                .flatMap(ProblemResponses::invalidFields)
                .toList();
        return invalid(fields, e, headers, request);
    }

    /** Anything unforeseen: logged with its stack trace here, a bare 500 problem to the client. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.localized(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
    }

    private ResponseEntity<Object> invalid(
            List<Problems.InvalidInput> fields, Exception e, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.invalidRequest(fields);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Stream<Problems.InvalidInput> invalidFields(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body) {
            return body.getFieldErrors().stream().map(ProblemResponses::invalidField);
        }
        RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
        String name = header != null && !header.name().isEmpty()
                ? header.name()
                : result.getMethodParameter().getParameterName();
        // The error itself is the message: its codes (e.g. Size) find our translation, else Hibernate Validator's text.
        return result.getResolvableErrors().stream().map(error -> new Problems.InvalidInput(name, error));
    }

    private static Problems.InvalidInput invalidField(FieldError error) {
        return new Problems.InvalidInput(error.getField(), error);
    }

    /** Jackson's location of the problem, as {@code items[0].quantity}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
