package com.fooddelivery.payment.payment.domain;

import java.time.Instant;
import java.util.UUID;

/** Orders, amounts and payments in each state, reached as the service reaches them: command, then provider answer. */
final class PaymentFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
    static final Instant LATER = NOW.plusSeconds(1800);
    static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    static final Money ORDER_TOTAL = inr(49_800);
    static final String AUTHORIZATION_ID = "auth_7Hq2";
    static final ProviderResult APPROVED = new ProviderResult.Approved(AUTHORIZATION_ID);
    static final ProviderResult DONE = new ProviderResult.Done();

    private PaymentFixtures() {}

    static Money inr(long paise) {
        return new Money(paise, "INR");
    }

    static AuthorizationRequest authorizationOfTheOrderTotal() {
        return new AuthorizationRequest(ORDER, CUSTOMER, ORDER_TOTAL, PaymentMethod.CARD);
    }

    static Payment noPaymentYet() {
        return Payment.none(ORDER);
    }

    static Payment authorizingPayment() {
        Payment payment = Payment.none(ORDER);
        payment.authorize(authorizationOfTheOrderTotal(), NOW);
        return storedAgain(payment);
    }

    static Payment authorizedPayment() {
        Payment payment = Payment.none(ORDER);
        payment.authorize(authorizationOfTheOrderTotal(), NOW);
        payment.complete(recorded(onlyIntent(payment)), APPROVED, NOW);
        return storedAgain(payment);
    }

    static Payment declinedPayment() {
        Payment payment = Payment.none(ORDER);
        payment.authorize(authorizationOfTheOrderTotal(), NOW);
        payment.complete(
                recorded(onlyIntent(payment)),
                new ProviderResult.Declined("INSUFFICIENT_FUNDS", "declined: INSUFFICIENT_FUNDS"),
                NOW);
        return storedAgain(payment);
    }

    static Payment capturedPayment() {
        Payment payment = authorizedPayment();
        payment.capture(ORDER_TOTAL, NOW);
        payment.complete(recorded(onlyIntent(payment)), DONE, NOW);
        return storedAgain(payment);
    }

    static Payment voidedBeforeAuthorization() {
        Payment payment = Payment.none(ORDER);
        payment.voidPayment(NOW);
        return storedAgain(payment);
    }

    /** The one provider call the payment decided on since it was loaded. */
    static ProviderCall onlyIntent(Payment payment) {
        if (payment.intents().size() != 1) {
            throw new AssertionError("Expected one provider call, got " + payment.intents());
        }
        return payment.intents().getFirst();
    }

    /** The intent as the store gives it back: numbered. */
    static ProviderCall recorded(ProviderCall intent) {
        return new ProviderCall(
                7, intent.orderId(), intent.operation(), intent.amount(), intent.refundId(), intent.attempts());
    }

    /** As loaded from the database: no operations pending for the ledger, no intents. */
    static Payment storedAgain(Payment payment) {
        return Payment.restore(payment.snapshot());
    }
}
