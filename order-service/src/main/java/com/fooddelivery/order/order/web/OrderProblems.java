package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.domain.OrderNotAcceptedException;
import com.fooddelivery.web.Problems;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A well-formed order that breaks a business rule: 422, with a problem type per rule. */
@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class OrderProblems {

    @ExceptionHandler
    ProblemDetail orderNotAccepted(OrderNotAcceptedException e) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "Order not accepted",
                e.getMessage());
    }
}
