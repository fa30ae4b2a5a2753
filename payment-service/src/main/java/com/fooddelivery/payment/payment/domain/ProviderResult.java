package com.fooddelivery.payment.payment.domain;

/** The provider's answer to one call: an authorization approved or declined, or another operation done. */
public sealed interface ProviderResult {

    record Approved(String authorizationId) implements ProviderResult {}

    record Declined(String code, String reason) implements ProviderResult {}

    /** A capture, void or refund was performed. */
    record Done() implements ProviderResult {}
}
