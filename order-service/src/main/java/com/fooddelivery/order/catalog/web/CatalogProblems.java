package com.fooddelivery.order.catalog.web;

import com.fooddelivery.order.catalog.domain.MenuChangeRejectedException;
import com.fooddelivery.order.catalog.domain.RestaurantNotFoundException;
import com.fooddelivery.web.Problems;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Business-rule problems of the catalog: 422 per broken menu rule, 404 for an unknown restaurant. */
@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class CatalogProblems {

    @ExceptionHandler
    ProblemDetail menuRejected(MenuChangeRejectedException e) {
        return Problems.localized(
                HttpStatus.UNPROCESSABLE_CONTENT,
                e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.arguments());
    }

    @ExceptionHandler
    ProblemDetail notFound(RestaurantNotFoundException e) {
        return Problems.localized(HttpStatus.NOT_FOUND, "restaurant-not-found", e.restaurantId());
    }
}
