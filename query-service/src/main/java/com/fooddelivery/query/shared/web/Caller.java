package com.fooddelivery.query.shared.web;

import com.fooddelivery.web.Problems;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Who is asking. Every read takes it, so ownership rules live with the reads. Until authentication exists, apps name
 * themselves in headers ({@value #CUSTOMER_HEADER}, {@value #RESTAURANT_HEADER}, {@value #COURIER_HEADER}); with
 * none of them the caller is anonymous and may read any single order, as before. Token claims replace the headers
 * later without touching the reads.
 */
public record Caller(UUID customerId, UUID restaurantId, UUID courierId) {

    public static final String CUSTOMER_HEADER = "X-Customer-Id";
    public static final String RESTAURANT_HEADER = "X-Restaurant-Id";
    public static final String COURIER_HEADER = "X-Courier-Id";

    public boolean isAnonymous() {
        return customerId == null && restaurantId == null && courierId == null;
    }

    public UUID requireCustomer() {
        return require(customerId, CUSTOMER_HEADER, "customer");
    }

    public UUID requireCourier() {
        return require(courierId, COURIER_HEADER, "courier");
    }

    private static UUID require(UUID id, String header, String who) {
        if (id == null) {
            throw new ErrorResponseException(
                    HttpStatus.UNAUTHORIZED,
                    Problems.localized(
                            HttpStatus.UNAUTHORIZED, "caller-unknown", Problems.text("caller." + who, who), header),
                    null);
        }
        return id;
    }
}
