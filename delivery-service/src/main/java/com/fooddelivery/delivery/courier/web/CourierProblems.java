package com.fooddelivery.delivery.courier.web;

import com.fooddelivery.delivery.courier.application.CourierNotFoundException;
import com.fooddelivery.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class CourierProblems {

    @ExceptionHandler
    ProblemDetail unknownCourier(CourierNotFoundException e) {
        return Problems.localized(HttpStatus.NOT_FOUND, "courier-not-found", e.courierId());
    }
}
