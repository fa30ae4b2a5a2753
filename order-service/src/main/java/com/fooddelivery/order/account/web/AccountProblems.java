package com.fooddelivery.order.account.web;

import com.fooddelivery.order.account.application.InvalidCredentialsException;
import com.fooddelivery.order.account.application.UnknownRestaurantException;
import com.fooddelivery.order.account.application.UsernameTakenException;
import com.fooddelivery.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 409 for a taken username, 401 for wrong credentials, 422 for staff of an unknown restaurant. */
@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class AccountProblems {

    @ExceptionHandler
    ProblemDetail taken(UsernameTakenException e) {
        return Problems.localized(HttpStatus.CONFLICT, "username-taken", e.username());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.localized(HttpStatus.UNAUTHORIZED, "invalid-credentials"));
    }

    @ExceptionHandler
    ProblemDetail unknownRestaurant(UnknownRestaurantException e) {
        return Problems.localized(HttpStatus.UNPROCESSABLE_CONTENT, "staff-restaurant-unknown", e.restaurantId());
    }
}
