package com.fooddelivery.payment.payment.domain;

import static com.fooddelivery.payment.payment.domain.PaymentFixtures.AUTHORIZATION_ID;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.CUSTOMER;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.LATER;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.NOW;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.ORDER;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.ORDER_TOTAL;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.authorizationOfTheOrderTotal;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.authorizedPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.capturedPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.declinedPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.inr;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.noPaymentYet;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.voidedBeforeAuthorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.payment.payment.domain.PaymentFixtures.ScriptedProvider;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private final ScriptedProvider provider = ScriptedProvider.approving();

    @Nested
    class Authorizing {

        @Test
        void an_approved_authorization_reserves_the_amount_with_the_providers_reference() {
            Payment payment = noPaymentYet();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), provider, NOW);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Authorized(ORDER, ORDER_TOTAL, AUTHORIZATION_ID));
            assertThat(payment.status()).hasValue(PaymentStatus.AUTHORIZED);
            assertThat(provider.calls).containsExactly("authorize " + ORDER + ":AUTHORIZE");
            assertThat(payment.performedOperations())
                    .containsExactly(new LedgerEntry(ORDER, ProviderOperation.AUTHORIZE, true, ORDER_TOTAL, NOW));
        }

        @Test
        void a_declined_authorization_records_the_decline_code_and_reserves_nothing() {
            Payment payment = noPaymentYet();

            PaymentOutcome outcome = payment.authorize(
                    authorizationOfTheOrderTotal(), ScriptedProvider.declining("INSUFFICIENT_FUNDS"), NOW);

            assertThat(outcome)
                    .isEqualTo(
                            new PaymentOutcome.Declined(ORDER, "INSUFFICIENT_FUNDS", "declined: INSUFFICIENT_FUNDS"));
            assertThat(payment.status()).hasValue(PaymentStatus.DECLINED);
            assertThat(payment.performedOperations())
                    .containsExactly(new LedgerEntry(ORDER, ProviderOperation.AUTHORIZE, false, ORDER_TOTAL, NOW));
        }

        @Test
        void a_repeated_authorization_is_answered_as_authorized_without_asking_the_provider_again() {
            Payment payment = authorizedPayment();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Authorized(ORDER, ORDER_TOTAL, AUTHORIZATION_ID));
            assertThat(provider.calls).isEmpty();
            assertThat(payment.performedOperations()).isEmpty();
        }

        @Test
        void a_repeated_authorization_of_a_declined_payment_is_declined_again_with_the_same_code() {
            Payment payment = declinedPayment();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), provider, LATER);

            assertThat(outcome)
                    .isEqualTo(
                            new PaymentOutcome.Declined(ORDER, "INSUFFICIENT_FUNDS", "declined: INSUFFICIENT_FUNDS"));
            assertThat(provider.calls).isEmpty();
            assertThat(payment.status()).hasValue(PaymentStatus.DECLINED);
        }

        @Test
        void a_repeated_authorization_after_capture_is_answered_as_authorized() {
            Payment payment = capturedPayment();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), provider, LATER);

            assertThat(outcome).isInstanceOf(PaymentOutcome.Authorized.class);
            assertThat(payment.status()).hasValue(PaymentStatus.CAPTURED);
            assertThat(provider.calls).isEmpty();
        }

        @Test
        void a_different_authorization_for_an_authorized_order_is_refused() {
            Payment payment = authorizedPayment();
            AuthorizationRequest moreMoney = new AuthorizationRequest(ORDER, CUSTOMER, inr(99_900), PaymentMethod.CARD);

            PaymentOutcome outcome = payment.authorize(moreMoney, provider, LATER);

            assertThat(outcome)
                    .isInstanceOfSatisfying(PaymentOutcome.Refused.class, refused -> assertThat(refused.code())
                            .isEqualTo(Payment.AUTHORIZATION_CONFLICT));
            assertThat(provider.calls).isEmpty();
        }

        @Test
        void an_authorization_after_the_order_was_voided_is_declined_order_voided_without_asking_the_provider() {
            Payment payment = voidedBeforeAuthorization();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), provider, LATER);

            assertThat(outcome)
                    .isInstanceOfSatisfying(PaymentOutcome.Declined.class, declined -> assertThat(declined.code())
                            .isEqualTo(Payment.ORDER_VOIDED));
            assertThat(payment.status()).hasValue(PaymentStatus.VOIDED);
            assertThat(provider.calls).isEmpty();
        }

        @Test
        void an_authorization_for_another_order_is_a_programming_error() {
            Payment payment = Payment.none(UUID.randomUUID());

            assertThatThrownBy(() -> payment.authorize(authorizationOfTheOrderTotal(), provider, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Capturing {

        @Test
        void an_authorized_payment_is_captured_for_the_authorized_amount() {
            Payment payment = authorizedPayment();

            PaymentOutcome outcome = payment.capture(ORDER_TOTAL, provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Captured(ORDER, ORDER_TOTAL));
            assertThat(payment.status()).hasValue(PaymentStatus.CAPTURED);
            assertThat(provider.calls)
                    .containsExactly("capture 49800 INR of " + AUTHORIZATION_ID + " " + ORDER + ":CAPTURE");
            assertThat(payment.performedOperations())
                    .containsExactly(new LedgerEntry(ORDER, ProviderOperation.CAPTURE, true, ORDER_TOTAL, LATER));
        }

        @Test
        void less_than_the_authorized_amount_may_be_captured() {
            Payment payment = authorizedPayment();

            PaymentOutcome outcome = payment.capture(inr(40_000), provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Captured(ORDER, inr(40_000)));
        }

        @Test
        void a_capture_above_the_authorized_amount_is_refused_and_takes_nothing() {
            Payment payment = authorizedPayment();

            PaymentOutcome outcome = payment.capture(inr(49_801), provider, LATER);

            assertRefused(outcome, Payment.CAPTURE_EXCEEDS_AUTHORIZATION);
            assertThat(payment.status()).hasValue(PaymentStatus.AUTHORIZED);
            assertThat(provider.calls).isEmpty();
        }

        @Test
        void a_capture_in_another_currency_is_refused() {
            Payment payment = authorizedPayment();

            PaymentOutcome outcome = payment.capture(new Money(100, "USD"), provider, LATER);

            assertRefused(outcome, Payment.CAPTURE_EXCEEDS_AUTHORIZATION);
        }

        @Test
        void a_repeated_capture_is_answered_as_captured_without_taking_the_money_twice() {
            Payment payment = capturedPayment();

            PaymentOutcome outcome = payment.capture(ORDER_TOTAL, provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Captured(ORDER, ORDER_TOTAL));
            assertThat(provider.calls).isEmpty();
            assertThat(payment.performedOperations()).isEmpty();
        }

        @Test
        void a_second_capture_of_another_amount_is_refused() {
            Payment payment = capturedPayment();

            assertRefused(payment.capture(inr(100), provider, LATER), Payment.ALREADY_CAPTURED);
        }

        @Test
        void a_capture_without_any_payment_is_refused_and_records_nothing() {
            Payment payment = noPaymentYet();

            assertRefused(payment.capture(ORDER_TOTAL, provider, LATER), Payment.NOT_AUTHORIZED);
            assertThat(payment.isRecorded()).isFalse();
        }

        @Test
        void a_declined_payment_cannot_be_captured() {
            assertRefused(declinedPayment().capture(ORDER_TOTAL, provider, LATER), Payment.NOT_AUTHORIZED);
            assertThat(provider.calls).isEmpty();
        }

        @Test
        void a_voided_payment_cannot_be_captured() {
            Payment payment = authorizedPayment();
            payment.voidPayment(provider, NOW);

            assertRefused(payment.capture(ORDER_TOTAL, provider, LATER), Payment.NOT_AUTHORIZED);
        }
    }

    @Nested
    class Voiding {

        @Test
        void voiding_an_authorized_payment_releases_the_authorization() {
            Payment payment = authorizedPayment();

            PaymentOutcome outcome = payment.voidPayment(provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(payment.status()).hasValue(PaymentStatus.VOIDED);
            assertThat(provider.calls).containsExactly("void " + AUTHORIZATION_ID + " " + ORDER + ":VOID");
            assertThat(payment.performedOperations())
                    .containsExactly(new LedgerEntry(ORDER, ProviderOperation.VOID, true, ORDER_TOTAL, LATER));
        }

        @Test
        void voiding_an_order_without_a_payment_records_it_voided_without_asking_the_provider() {
            Payment payment = noPaymentYet();

            PaymentOutcome outcome = payment.voidPayment(provider, NOW);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(payment.isRecorded()).isTrue();
            assertThat(payment.status()).hasValue(PaymentStatus.VOIDED);
            assertThat(provider.calls).isEmpty();
            assertThat(payment.performedOperations()).isEmpty();
        }

        @Test
        void voiding_a_declined_payment_is_answered_and_changes_nothing() {
            Payment payment = declinedPayment();

            PaymentOutcome outcome = payment.voidPayment(provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(payment.status()).hasValue(PaymentStatus.DECLINED);
            assertThat(provider.calls).isEmpty();
        }

        @Test
        void a_repeated_void_is_answered_without_asking_the_provider_again() {
            Payment payment = authorizedPayment();
            payment.voidPayment(provider, NOW);
            Payment stored = PaymentFixtures.storedAgain(payment);
            provider.calls.clear();

            PaymentOutcome outcome = stored.voidPayment(provider, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(provider.calls).isEmpty();
            assertThat(stored.performedOperations()).isEmpty();
        }

        @Test
        void a_captured_payment_cannot_be_voided() {
            Payment payment = capturedPayment();

            assertRefused(payment.voidPayment(provider, LATER), Payment.ALREADY_CAPTURED);
            assertThat(payment.status()).hasValue(PaymentStatus.CAPTURED);
            assertThat(provider.calls).isEmpty();
        }
    }

    @Test
    void a_stored_payment_comes_back_with_the_same_state() {
        Payment payment = capturedPayment();

        assertThat(PaymentFixtures.storedAgain(payment).snapshot()).isEqualTo(payment.snapshot());
        assertThat(payment.snapshot().captured()).isEqualTo(ORDER_TOTAL);
    }

    private static void assertRefused(PaymentOutcome outcome, String code) {
        assertThat(outcome).isInstanceOfSatisfying(PaymentOutcome.Refused.class, refused -> assertThat(refused.code())
                .isEqualTo(code));
    }
}
