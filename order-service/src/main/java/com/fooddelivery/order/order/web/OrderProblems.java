package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.domain.OrderNotAcceptedException;
import com.fooddelivery.order.shared.web.ProblemResponses;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A well-formed order that breaks a business rule: 422, with a problem type per rule. */
@RestControllerAdvice
class OrderProblems {

    @ExceptionHandler
    ProblemDetail orderNotAccepted(OrderNotAcceptedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create(ProblemResponses.TYPE_BASE
                + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle("Order not accepted");
        return problem;
    }
}
