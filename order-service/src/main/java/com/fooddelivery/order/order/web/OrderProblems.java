package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.application.IntakeSaturatedException;
import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderNotAcceptedException;
import com.fooddelivery.order.order.domain.OrderNotFoundException;
import com.fooddelivery.order.order.domain.OrderStateConflictException;
import com.fooddelivery.order.order.domain.RefundExceedsCaptureException;
import com.fooddelivery.web.Problems;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Business-rule problems of orders: 422 per broken rule, 409 from the wrong state, a refund beyond the capture or a
 * lost race, 404 for a foreign order.
 */
@RestControllerAdvice
@Order(0) // before the shared catch-all (ProblemResponses)
class OrderProblems {

    @ExceptionHandler
    ProblemDetail orderNotAccepted(OrderNotAcceptedException e) {
        return Problems.localized(
                HttpStatus.UNPROCESSABLE_CONTENT,
                e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.arguments());
    }

    @ExceptionHandler
    ProblemDetail wrongState(OrderStateConflictException e) {
        // The action and the status are translated in the detail; currentStatus stays the enum name for clients.
        ProblemDetail problem = Problems.localized(
                HttpStatus.CONFLICT,
                "order-state-conflict",
                Problems.text("order-action." + e.action().replace(' ', '-'), e.action()),
                Problems.text("order-status." + e.status().name(), e.status().name()));
        problem.setProperty("currentStatus", e.status().name());
        return problem;
    }

    /**
     * Nothing was refunded. {@code refundableMinor} is the most a refund may ask for now (in the order's currency,
     * {@code currency}); the detail shows the amounts in major units.
     */
    @ExceptionHandler
    ProblemDetail refundExceedsCapture(RefundExceedsCaptureException e) {
        ProblemDetail problem = Problems.localized(
                HttpStatus.CONFLICT,
                "refund-exceeds-capture",
                major(e.requested()),
                major(e.refundable()),
                e.refundable().currency());
        problem.setProperty("refundableMinor", e.refundable().amountMinor());
        problem.setProperty("currency", e.refundable().currency());
        return problem;
    }

    /** 12000 INR as "120.00": a string, so no language's number format regroups it. */
    private static String major(Money money) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString();
    }

    /** Payments fell behind: the client retries later, nothing was placed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> intakeSaturated(IntakeSaturatedException e) {
        long retryAfterSeconds = Math.max(1, e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(Problems.localized(HttpStatus.SERVICE_UNAVAILABLE, "intake-saturated", retryAfterSeconds));
    }

    /** Another restaurant's or customer's order is answered like a missing one: existence is never revealed. */
    @ExceptionHandler({OrderNotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.localized(HttpStatus.NOT_FOUND, "order-not-found");
    }

    /**
     * The action lost a race to a concurrent change of the order twice in a row (it is sent once more after the
     * first, see {@code RetryOnConcurrentChange}): nothing changed; the client reads the order again and decides.
     */
    @ExceptionHandler
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.localized(HttpStatus.CONFLICT, "concurrent-update");
    }
}
