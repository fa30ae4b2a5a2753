package com.fooddelivery.delivery.delivery.web;

import com.fooddelivery.delivery.delivery.domain.DeliveryNotFoundException;
import com.fooddelivery.delivery.delivery.domain.DeliveryTakenAwayException;
import com.fooddelivery.delivery.delivery.domain.IllegalDeliveryStateException;
import com.fooddelivery.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Business-rule problems of deliveries: 404 for what is not the courier's, 409 naming the current state or saying that
 * the delivery was taken away from them.
 */
@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class DeliveryProblems {

    @ExceptionHandler
    ProblemDetail notFound(DeliveryNotFoundException e) {
        return Problems.localized(HttpStatus.NOT_FOUND, "delivery-not-found", e.deliveryId());
    }

    /** The courier's app learns that a job it accepted is no longer theirs, not that it never existed. */
    @ExceptionHandler
    ProblemDetail takenAway(DeliveryTakenAwayException e) {
        return Problems.localized(HttpStatus.CONFLICT, "delivery-taken-away", e.deliveryId());
    }

    @ExceptionHandler
    ProblemDetail noOffer(NoOfferException e) {
        return Problems.localized(HttpStatus.NOT_FOUND, "no-offer");
    }

    @ExceptionHandler
    ProblemDetail wrongState(IllegalDeliveryStateException e) {
        // The action and the state are translated in the detail; currentState (and offerExpiredAt, when the offer
        // expired) stay machine-readable for clients.
        ProblemDetail problem = Problems.localized(
                HttpStatus.CONFLICT,
                "delivery-state-conflict",
                Problems.text("delivery-action." + e.action().replace(' ', '-'), e.action()),
                Problems.text(
                        "delivery-status." + e.currentState().name(),
                        e.currentState().name()));
        problem.setProperty("currentState", e.currentState().name());
        if (e.offerExpiredAt() != null) {
            problem.setProperty("offerExpiredAt", e.offerExpiredAt().toString());
        }
        return problem;
    }
}
