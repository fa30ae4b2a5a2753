package com.fooddelivery.payment.payment.domain;

/** The provider's answer to an authorization: approved with its reference, or declined with a machine code. */
public sealed interface AuthorizationResult {

    record Approved(String authorizationId) implements AuthorizationResult {}

    record Declined(String code, String reason) implements AuthorizationResult {}
}
