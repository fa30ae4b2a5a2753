package com.fooddelivery.payment.payment.domain;

import static com.fooddelivery.payment.payment.domain.PaymentFixtures.APPROVED;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.AUTHORIZATION_ID;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.CUSTOMER;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.DONE;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.LATER;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.NOW;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.ORDER;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.ORDER_TOTAL;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.authorizationOfTheOrderTotal;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.authorizedPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.authorizingPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.capturedPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.declinedPayment;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.inr;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.noPaymentYet;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.onlyIntent;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.recorded;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.storedAgain;
import static com.fooddelivery.payment.payment.domain.PaymentFixtures.voidedBeforeAuthorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The payment's rules, in the two steps the service takes them: a command decides (an answer at once, or a provider
 * call to make and {@code Pending}), and the provider's answer to that call completes it.
 */
class PaymentTest {

    private static final UUID REFUND = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    private static final UUID SECOND_REFUND = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70");

    @Nested
    class Authorizing {

        @Test
        void a_first_authorization_asks_the_provider_and_waits_for_its_answer() {
            Payment payment = noPaymentYet();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), NOW);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Pending(ORDER));
            assertThat(payment.status()).hasValue(PaymentStatus.AUTHORIZING);
            assertThat(payment.intents())
                    .containsExactly(ProviderCall.intent(ORDER, ProviderOperation.AUTHORIZE, ORDER_TOTAL));
            assertThat(onlyIntent(payment).key().value()).isEqualTo(ORDER + ":AUTHORIZE");
            assertThat(payment.performedOperations())
                    .as("nothing performed yet")
                    .isEmpty();
        }

        @Test
        void an_approval_reserves_the_amount_with_the_providers_reference() {
            Payment payment = noPaymentYet();
            payment.authorize(authorizationOfTheOrderTotal(), NOW);

            PaymentOutcome outcome = payment.complete(recorded(onlyIntent(payment)), APPROVED, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Authorized(ORDER, ORDER_TOTAL, AUTHORIZATION_ID));
            assertThat(payment.status()).hasValue(PaymentStatus.AUTHORIZED);
            assertThat(payment.performedOperations())
                    .containsExactly(
                            new LedgerEntry(ORDER, ProviderOperation.AUTHORIZE, true, ORDER_TOTAL, null, LATER));
        }

        @Test
        void a_decline_records_the_code_and_reserves_nothing() {
            Payment payment = noPaymentYet();
            payment.authorize(authorizationOfTheOrderTotal(), NOW);

            PaymentOutcome outcome = payment.complete(
                    recorded(onlyIntent(payment)), new ProviderResult.Declined("INSUFFICIENT_FUNDS", "no funds"), NOW);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Declined(ORDER, "INSUFFICIENT_FUNDS", "no funds"));
            assertThat(payment.status()).hasValue(PaymentStatus.DECLINED);
            assertThat(payment.performedOperations())
                    .containsExactly(
                            new LedgerEntry(ORDER, ProviderOperation.AUTHORIZE, false, ORDER_TOTAL, null, NOW));
        }

        @Test
        void a_repeated_authorization_while_the_provider_is_asked_waits_for_the_same_answer() {
            Payment payment = authorizingPayment();

            assertThat(payment.authorize(authorizationOfTheOrderTotal(), LATER))
                    .isEqualTo(new PaymentOutcome.Pending(ORDER));
            assertThat(payment.intents()).as("no second call").isEmpty();
        }

        @Test
        void a_repeated_authorization_is_answered_with_the_first_result_without_the_provider() {
            assertThat(authorizedPayment().authorize(authorizationOfTheOrderTotal(), LATER))
                    .isEqualTo(new PaymentOutcome.Authorized(ORDER, ORDER_TOTAL, AUTHORIZATION_ID));
            assertThat(declinedPayment().authorize(authorizationOfTheOrderTotal(), LATER))
                    .isEqualTo(
                            new PaymentOutcome.Declined(ORDER, "INSUFFICIENT_FUNDS", "declined: INSUFFICIENT_FUNDS"));
            Payment captured = capturedPayment();
            assertThat(captured.authorize(authorizationOfTheOrderTotal(), LATER))
                    .isInstanceOf(PaymentOutcome.Authorized.class);
            assertThat(captured.intents()).isEmpty();
        }

        @Test
        void a_different_authorization_for_the_same_order_is_refused() {
            AuthorizationRequest moreMoney = new AuthorizationRequest(ORDER, CUSTOMER, inr(99_900), PaymentMethod.CARD);

            assertRefused(authorizedPayment().authorize(moreMoney, LATER), Payment.AUTHORIZATION_CONFLICT);
            assertRefused(authorizingPayment().authorize(moreMoney, LATER), Payment.AUTHORIZATION_CONFLICT);
        }

        @Test
        void an_authorization_after_the_order_was_voided_is_declined_order_voided_without_the_provider() {
            Payment payment = voidedBeforeAuthorization();

            PaymentOutcome outcome = payment.authorize(authorizationOfTheOrderTotal(), LATER);

            assertThat(outcome)
                    .isInstanceOfSatisfying(PaymentOutcome.Declined.class, declined -> assertThat(declined.code())
                            .isEqualTo(Payment.ORDER_VOIDED));
            assertThat(payment.intents()).isEmpty();
        }

        @Test
        void an_authorization_without_any_answer_is_declined_provider_unavailable_and_nothing_is_in_the_ledger() {
            Payment payment = noPaymentYet();
            payment.authorize(authorizationOfTheOrderTotal(), NOW);

            PaymentOutcome outcome = payment.giveUp(recorded(onlyIntent(payment)), "timed out", LATER);

            assertThat(outcome)
                    .isEqualTo(new PaymentOutcome.Declined(ORDER, Payment.PROVIDER_UNAVAILABLE, "timed out"));
            assertThat(payment.status()).hasValue(PaymentStatus.DECLINED);
            assertThat(payment.performedOperations()).isEmpty();
        }

        @Test
        void an_authorization_for_another_order_is_a_programming_error() {
            Payment payment = Payment.none(UUID.randomUUID());

            assertThatThrownBy(() -> payment.authorize(authorizationOfTheOrderTotal(), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Capturing {

        @Test
        void an_authorized_payment_is_captured_once_the_provider_confirms() {
            Payment payment = authorizedPayment();

            assertThat(payment.capture(ORDER_TOTAL, LATER)).isEqualTo(new PaymentOutcome.Pending(ORDER));
            ProviderCall capture = onlyIntent(payment);
            assertThat(capture.key().value()).isEqualTo(ORDER + ":CAPTURE");
            assertThat(payment.status()).as("not before the provider confirms").hasValue(PaymentStatus.AUTHORIZED);

            PaymentOutcome outcome = payment.complete(recorded(capture), DONE, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Captured(ORDER, ORDER_TOTAL));
            assertThat(payment.status()).hasValue(PaymentStatus.CAPTURED);
            assertThat(payment.performedOperations())
                    .containsExactly(new LedgerEntry(ORDER, ProviderOperation.CAPTURE, true, ORDER_TOTAL, null, LATER));
        }

        @Test
        void less_than_the_authorized_amount_may_be_captured() {
            Payment payment = authorizedPayment();

            payment.capture(inr(40_000), LATER);

            assertThat(onlyIntent(payment).amount()).isEqualTo(inr(40_000));
        }

        @Test
        void a_capture_that_cannot_happen_is_answered_capture_failed_and_asks_nothing() {
            assertCaptureFailed(authorizedPayment(), inr(49_801), Payment.CAPTURE_EXCEEDS_AUTHORIZATION);
            assertCaptureFailed(authorizedPayment(), new Money(49_800, "USD"), Payment.CAPTURE_EXCEEDS_AUTHORIZATION);
            assertCaptureFailed(noPaymentYet(), ORDER_TOTAL, Payment.NOT_AUTHORIZED);
            assertCaptureFailed(declinedPayment(), ORDER_TOTAL, Payment.NOT_AUTHORIZED);
            assertCaptureFailed(voidedBeforeAuthorization(), ORDER_TOTAL, Payment.NOT_AUTHORIZED);
            assertCaptureFailed(capturedPayment(), inr(100), Payment.ALREADY_CAPTURED);
        }

        @Test
        void a_repeated_capture_is_answered_captured_without_taking_the_money_twice() {
            Payment payment = capturedPayment();

            assertThat(payment.capture(ORDER_TOTAL, LATER)).isEqualTo(new PaymentOutcome.Captured(ORDER, ORDER_TOTAL));
            assertThat(payment.intents()).isEmpty();
        }

        @Test
        void a_capture_the_provider_never_confirms_is_reported_for_a_person_and_the_authorization_stays() {
            Payment payment = authorizedPayment();
            payment.capture(ORDER_TOTAL, LATER);

            PaymentOutcome outcome = payment.giveUp(recorded(onlyIntent(payment)), "no answer", LATER);

            assertThat(outcome)
                    .isEqualTo(new PaymentOutcome.CaptureFailed(
                            ORDER, ORDER_TOTAL, Payment.PROVIDER_UNAVAILABLE, "no answer"));
            assertThat(payment.status()).hasValue(PaymentStatus.AUTHORIZED);
            assertThat(payment.performedOperations()).isEmpty();
        }

        private void assertCaptureFailed(Payment payment, Money amount, String code) {
            PaymentOutcome outcome = payment.capture(amount, LATER);

            assertThat(outcome).isInstanceOfSatisfying(PaymentOutcome.CaptureFailed.class, failed -> {
                assertThat(failed.code()).isEqualTo(code);
                assertThat(failed.amount()).isEqualTo(amount);
            });
            assertThat(payment.intents()).isEmpty();
        }
    }

    @Nested
    class Voiding {

        @Test
        void voiding_an_authorized_payment_releases_the_authorization_once_the_provider_confirms() {
            Payment payment = authorizedPayment();

            assertThat(payment.voidPayment(LATER)).isEqualTo(new PaymentOutcome.Pending(ORDER));
            ProviderCall voidCall = onlyIntent(payment);
            assertThat(payment.settleWithoutProvider(recorded(voidCall)))
                    .as("the provider is needed")
                    .isEmpty();

            assertThat(payment.complete(recorded(voidCall), DONE, LATER)).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(payment.status()).hasValue(PaymentStatus.VOIDED);
            assertThat(payment.performedOperations())
                    .containsExactly(new LedgerEntry(ORDER, ProviderOperation.VOID, true, ORDER_TOTAL, null, LATER));
        }

        @Test
        void a_void_while_the_authorization_is_under_way_waits_its_turn_and_needs_no_provider_if_declined() {
            Payment payment = noPaymentYet();
            payment.authorize(authorizationOfTheOrderTotal(), NOW);
            ProviderCall authorization = recorded(onlyIntent(payment));
            Payment meanwhile = storedAgain(payment);
            assertThat(meanwhile.voidPayment(NOW)).isEqualTo(new PaymentOutcome.Pending(ORDER));
            ProviderCall voidCall = recorded(onlyIntent(meanwhile));

            Payment answered = storedAgain(meanwhile);
            answered.complete(authorization, new ProviderResult.Declined("CARD_EXPIRED", "expired"), NOW);

            assertThat(answered.settleWithoutProvider(voidCall)).contains(new PaymentOutcome.Voided(ORDER));
        }

        @Test
        void a_void_queued_behind_an_approved_authorization_releases_it() {
            Payment payment = authorizingPayment();
            payment.voidPayment(NOW);
            ProviderCall voidCall = recorded(onlyIntent(payment));
            Payment approved = storedAgain(payment);
            approved.complete(
                    recorded(ProviderCall.intent(ORDER, ProviderOperation.AUTHORIZE, ORDER_TOTAL)), APPROVED, NOW);

            assertThat(approved.settleWithoutProvider(voidCall)).isEmpty();
            assertThat(approved.complete(voidCall, DONE, NOW)).isEqualTo(new PaymentOutcome.Voided(ORDER));
        }

        @Test
        void voiding_an_order_without_a_payment_records_it_voided_without_the_provider() {
            Payment payment = noPaymentYet();

            assertThat(payment.voidPayment(NOW)).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(payment.status()).hasValue(PaymentStatus.VOIDED);
            assertThat(payment.intents()).isEmpty();
        }

        @Test
        void voiding_a_declined_or_voided_payment_is_answered_and_changes_nothing() {
            assertThat(declinedPayment().voidPayment(LATER)).isEqualTo(new PaymentOutcome.Voided(ORDER));
            assertThat(voidedBeforeAuthorization().voidPayment(LATER)).isEqualTo(new PaymentOutcome.Voided(ORDER));
        }

        @Test
        void a_captured_payment_cannot_be_voided() {
            Payment payment = capturedPayment();

            assertRefused(payment.voidPayment(LATER), Payment.ALREADY_CAPTURED);
            assertThat(payment.intents()).isEmpty();
        }

        @Test
        void a_void_is_never_given_up() {
            Payment payment = authorizedPayment();
            payment.voidPayment(LATER);

            assertThatThrownBy(() -> payment.giveUp(recorded(onlyIntent(payment)), "no answer", LATER))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Refunding {

        @Test
        void part_of_a_captured_payment_is_refunded_once_the_provider_confirms() {
            Payment payment = capturedPayment();

            assertThat(payment.refund(REFUND, inr(12_000), LATER)).isEqualTo(new PaymentOutcome.Pending(ORDER));
            ProviderCall refund = onlyIntent(payment);
            assertThat(refund.key().value()).isEqualTo(ORDER + ":REFUND:" + REFUND);

            PaymentOutcome outcome = payment.complete(recorded(refund), DONE, LATER);

            assertThat(outcome).isEqualTo(new PaymentOutcome.Refunded(ORDER, REFUND, inr(12_000)));
            assertThat(payment.status()).as("partly refunded").hasValue(PaymentStatus.CAPTURED);
            assertThat(payment.snapshot().refundedMinor()).isEqualTo(12_000);
            assertThat(payment.performedOperations())
                    .containsExactly(
                            new LedgerEntry(ORDER, ProviderOperation.REFUND, true, inr(12_000), REFUND, LATER));
        }

        @Test
        void refunds_together_never_exceed_the_capture_counting_those_under_way() {
            Payment payment = capturedPayment();
            payment.refund(REFUND, inr(40_000), LATER);
            Payment stored = storedAgain(payment);

            PaymentOutcome tooMuch = stored.refund(SECOND_REFUND, inr(9_801), LATER);

            assertThat(tooMuch).isInstanceOfSatisfying(PaymentOutcome.RefundFailed.class, failed -> {
                assertThat(failed.code()).isEqualTo(Payment.REFUND_EXCEEDS_CAPTURE);
                assertThat(failed.refundId()).isEqualTo(SECOND_REFUND);
                assertThat(failed.reason()).contains("9800 INR of 49800 INR captured can still be refunded");
            });
            assertThat(stored.intents()).isEmpty();
            assertThat(stored.refund(SECOND_REFUND, inr(9_800), LATER)).isEqualTo(new PaymentOutcome.Pending(ORDER));
        }

        @Test
        void refunding_everything_captured_makes_the_payment_refunded() {
            Payment payment = capturedPayment();
            payment.refund(REFUND, ORDER_TOTAL, LATER);

            payment.complete(recorded(onlyIntent(payment)), DONE, LATER);

            assertThat(payment.status()).hasValue(PaymentStatus.REFUNDED);
            assertThat(payment.capture(ORDER_TOTAL, LATER))
                    .as("a repeated capture is still answered")
                    .isEqualTo(new PaymentOutcome.Captured(ORDER, ORDER_TOTAL));
            assertThat(payment.refund(SECOND_REFUND, inr(1), LATER)).isInstanceOf(PaymentOutcome.RefundFailed.class);
        }

        @Test
        void only_a_captured_payment_can_be_refunded() {
            for (Payment payment : new Payment[] {noPaymentYet(), authorizedPayment(), declinedPayment()}) {
                assertThat(payment.refund(REFUND, inr(100), LATER))
                        .isInstanceOfSatisfying(PaymentOutcome.RefundFailed.class, failed -> assertThat(failed.code())
                                .isEqualTo(Payment.NOT_CAPTURED));
                assertThat(payment.intents()).isEmpty();
            }
        }

        @Test
        void a_refund_the_provider_never_confirms_gives_its_amount_back_to_what_can_be_refunded() {
            Payment payment = capturedPayment();
            payment.refund(REFUND, ORDER_TOTAL, LATER);

            PaymentOutcome outcome = payment.giveUp(recorded(onlyIntent(payment)), "no answer", LATER);

            assertThat(outcome)
                    .isEqualTo(new PaymentOutcome.RefundFailed(
                            ORDER, REFUND, ORDER_TOTAL, Payment.PROVIDER_UNAVAILABLE, "no answer"));
            assertThat(payment.refund(SECOND_REFUND, ORDER_TOTAL, LATER)).isEqualTo(new PaymentOutcome.Pending(ORDER));
        }
    }

    @Test
    void a_stored_payment_comes_back_with_the_same_state() {
        Payment payment = capturedPayment();
        payment.refund(REFUND, inr(100), LATER);

        assertThat(storedAgain(payment).snapshot()).isEqualTo(payment.snapshot());
    }

    private static void assertRefused(PaymentOutcome outcome, String code) {
        assertThat(outcome).isInstanceOfSatisfying(PaymentOutcome.Refused.class, refused -> assertThat(refused.code())
                .isEqualTo(code));
    }
}
