package com.fooddelivery.payment.payment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Orders, amounts and a provider that approves or declines on request, for payment specs. */
final class PaymentFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
    static final Instant LATER = NOW.plusSeconds(1800);
    static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    static final Money ORDER_TOTAL = inr(49_800);
    static final String AUTHORIZATION_ID = "auth_7Hq2";

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

    static Payment authorizedPayment() {
        Payment payment = Payment.none(ORDER);
        payment.authorize(authorizationOfTheOrderTotal(), ScriptedProvider.approving(), NOW);
        return storedAgain(payment);
    }

    static Payment declinedPayment() {
        Payment payment = Payment.none(ORDER);
        payment.authorize(authorizationOfTheOrderTotal(), ScriptedProvider.declining("INSUFFICIENT_FUNDS"), NOW);
        return storedAgain(payment);
    }

    static Payment capturedPayment() {
        Payment payment = authorizedPayment();
        payment.capture(ORDER_TOTAL, ScriptedProvider.approving(), NOW);
        return storedAgain(payment);
    }

    static Payment voidedBeforeAuthorization() {
        Payment payment = Payment.none(ORDER);
        payment.voidPayment(ScriptedProvider.approving(), NOW);
        return storedAgain(payment);
    }

    /** As loaded from the database: no operations pending for the ledger. */
    static Payment storedAgain(Payment payment) {
        return Payment.restore(payment.snapshot());
    }

    /** Approves or declines every authorization as told, and records every call it receives. */
    static final class ScriptedProvider implements PaymentProvider {

        final List<String> calls = new ArrayList<>();
        private final AuthorizationResult answer;

        private ScriptedProvider(AuthorizationResult answer) {
            this.answer = answer;
        }

        static ScriptedProvider approving() {
            return new ScriptedProvider(new AuthorizationResult.Approved(AUTHORIZATION_ID));
        }

        static ScriptedProvider declining(String code) {
            return new ScriptedProvider(new AuthorizationResult.Declined(code, "declined: " + code));
        }

        @Override
        public AuthorizationResult authorize(AuthorizationRequest request, IdempotencyKey key) {
            calls.add("authorize " + key.value());
            return answer;
        }

        @Override
        public void capture(String authorizationId, Money amount, IdempotencyKey key) {
            calls.add("capture " + amount + " of " + authorizationId + " " + key.value());
        }

        @Override
        public void voidAuthorization(String authorizationId, IdempotencyKey key) {
            calls.add("void " + authorizationId + " " + key.value());
        }
    }
}
