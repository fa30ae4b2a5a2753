package com.fooddelivery.payment.payment.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.ProviderOperation;
import com.fooddelivery.payment.payment.domain.ProviderResult;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedPaymentProviderTest {

    private static final long WALLET_LIMIT = 500_000;
    private static final double ALWAYS = 0.0;

    private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(
            new SimulatedPaymentProvider.Settings(Duration.ZERO, 0, WALLET_LIMIT),
            () -> 0.5,
            SimulatedPaymentProvider.Memory.inMemory());

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            CARD,   49851,  INSUFFICIENT_FUNDS
            CARD,   151,    INSUFFICIENT_FUNDS
            CARD,   49854,  CARD_EXPIRED
            UPI,    49852,  UPI_TIMEOUT_AT_BANK
            WALLET, 500001, WALLET_LIMIT_EXCEEDED
            """)
    void declines_by_method_and_amount_as_documented(PaymentMethod method, long amountMinor, String code) {
        ProviderResult result = provider.authorize(authorization(method, amountMinor), newKey());

        assertThat(result).isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> {
            assertThat(declined.code()).isEqualTo(code);
            assertThat(declined.reason()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            CARD,   49800
            CARD,   49852
            UPI,    49851
            UPI,    49854
            WALLET, 49851
            WALLET, 500000
            """)
    void approves_every_other_amount(PaymentMethod method, long amountMinor) {
        ProviderResult result = provider.authorize(authorization(method, amountMinor), newKey());

        assertThat(result).isInstanceOfSatisfying(ProviderResult.Approved.class, approved -> assertThat(
                        approved.authorizationId())
                .startsWith("sim_auth_"));
    }

    @Test
    void the_same_key_gets_the_same_result_and_performs_the_operation_once() {
        IdempotencyKey key = newKey();
        AuthorizationRequest request = authorization(PaymentMethod.CARD, 49_800);

        ProviderResult first = provider.authorize(request, key);
        ProviderResult second = provider.authorize(request, key);

        assertThat(second).isEqualTo(first);
        assertThat(provider.operationsPerformed()).isEqualTo(1);
    }

    @Test
    void a_provider_started_again_on_the_same_memory_remembers_every_key() {
        SimulatedPaymentProvider.Memory memory = SimulatedPaymentProvider.Memory.inMemory();
        SimulatedPaymentProvider.Settings settings =
                new SimulatedPaymentProvider.Settings(Duration.ZERO, 0, WALLET_LIMIT);
        IdempotencyKey key = newKey();
        AuthorizationRequest request = authorization(PaymentMethod.CARD, 49_800);
        ProviderResult first = new SimulatedPaymentProvider(settings, () -> 0.5, memory).authorize(request, key);

        SimulatedPaymentProvider restarted = new SimulatedPaymentProvider(settings, () -> 0.5, memory);

        assertThat(restarted.authorize(request, key)).isEqualTo(first);
        assertThat(restarted.operationsPerformed())
                .as("performed before the restart, not again")
                .isZero();
    }

    @Test
    void every_result_survives_being_stored_as_text() {
        for (ProviderResult result : new ProviderResult[] {
            new ProviderResult.Approved("sim_auth_0123456789abcdef"),
            new ProviderResult.Declined("INSUFFICIENT_FUNDS", "The card has insufficient funds"),
            new ProviderResult.Done()
        }) {
            assertThat(SimulatedPaymentProvider.decode(SimulatedPaymentProvider.encode(result)))
                    .isEqualTo(result);
        }
    }

    @Test
    void a_repeated_capture_key_captures_once() {
        IdempotencyKey key = IdempotencyKey.of(UUID.randomUUID(), ProviderOperation.CAPTURE);

        provider.capture("sim_auth_1", new Money(49_800, "INR"), key);
        provider.capture("sim_auth_1", new Money(49_800, "INR"), key);

        assertThat(provider.operationsPerformed()).isEqualTo(1);
    }

    @Test
    void a_lost_response_fails_after_performing_and_the_retry_with_the_same_key_performs_nothing_more() {
        double[] draws = {0.75, 0.9}; // rate 0.8: 0.75 fails after performing, 0.9 succeeds
        int[] next = {0};
        SimulatedPaymentProvider flaky = new SimulatedPaymentProvider(
                new SimulatedPaymentProvider.Settings(Duration.ZERO, 0.8, WALLET_LIMIT),
                () -> draws[next[0]++],
                SimulatedPaymentProvider.Memory.inMemory());
        IdempotencyKey key = newKey();
        AuthorizationRequest request = authorization(PaymentMethod.UPI, 49_800);

        assertThatThrownBy(() -> flaky.authorize(request, key)).isInstanceOf(ProviderUnavailableException.class);
        ProviderResult retried = flaky.authorize(request, key);

        assertThat(retried).isInstanceOf(ProviderResult.Approved.class);
        assertThat(flaky.operationsPerformed()).isEqualTo(1);
    }

    @Test
    void an_unavailable_provider_fails_before_performing_anything() {
        SimulatedPaymentProvider down = new SimulatedPaymentProvider(
                new SimulatedPaymentProvider.Settings(Duration.ZERO, 1.0, WALLET_LIMIT),
                () -> ALWAYS,
                SimulatedPaymentProvider.Memory.inMemory());

        assertThatThrownBy(() -> down.authorize(authorization(PaymentMethod.CARD, 49_800), newKey()))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(down.operationsPerformed()).isZero();
    }

    @Test
    void every_call_takes_the_configured_latency() {
        SimulatedPaymentProvider slow = new SimulatedPaymentProvider(
                new SimulatedPaymentProvider.Settings(Duration.ofMillis(50), 0, WALLET_LIMIT),
                () -> 0.5,
                SimulatedPaymentProvider.Memory.inMemory());
        long started = System.nanoTime();

        slow.authorize(authorization(PaymentMethod.CARD, 49_800), newKey());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    private static AuthorizationRequest authorization(PaymentMethod method, long amountMinor) {
        return new AuthorizationRequest(UUID.randomUUID(), UUID.randomUUID(), new Money(amountMinor, "INR"), method);
    }

    private static IdempotencyKey newKey() {
        return IdempotencyKey.of(UUID.randomUUID(), ProviderOperation.AUTHORIZE);
    }
}
