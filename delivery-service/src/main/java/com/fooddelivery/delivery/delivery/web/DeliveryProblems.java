package com.fooddelivery.delivery.delivery.web;

import com.fooddelivery.delivery.delivery.domain.DeliveryNotFoundException;
import com.fooddelivery.delivery.delivery.domain.IllegalDeliveryStateException;
import com.fooddelivery.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Business-rule problems of deliveries: 404 for what is not the courier's, 409 naming the current state. */
@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class DeliveryProblems {

    @ExceptionHandler
    ProblemDetail notFound(DeliveryNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noOffer(NoOfferException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-offer", "No offer", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail wrongState(IllegalDeliveryStateException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT, "delivery-state-conflict", "Not possible in this state", e.getMessage());
        problem.setProperty("currentState", e.currentState().name());
        return problem;
    }
}
