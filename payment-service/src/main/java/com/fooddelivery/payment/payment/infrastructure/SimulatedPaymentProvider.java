package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.ProviderResult;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A payment provider in memory, for local runs and tests. Its answers depend only on the request, so every outcome can
 * be produced on purpose.
 *
 * <p>Decline rules (by method; "ends in NN" means {@code amountMinor % 100 == NN}):
 *
 * <table>
 *   <caption>Declines</caption>
 *   <tr><th>method</th><th>when</th><th>decline code</th></tr>
 *   <tr><td>CARD</td><td>amount ends in 51</td><td>{@value #INSUFFICIENT_FUNDS}</td></tr>
 *   <tr><td>CARD</td><td>amount ends in 54</td><td>{@value #CARD_EXPIRED}</td></tr>
 *   <tr><td>UPI</td><td>amount ends in 52</td><td>{@value #UPI_TIMEOUT_AT_BANK}</td></tr>
 *   <tr><td>WALLET</td><td>amount above the wallet limit ({@code payment.provider.wallet-limit-minor})</td>
 *       <td>{@value #WALLET_LIMIT_EXCEEDED}</td></tr>
 * </table>
 *
 * Everything else is approved with authorization id {@code sim_auth_<hash of the order>}. Captures, voids and
 * refunds always succeed.
 *
 * <p>Idempotency: each key is performed once; the same key is answered with the stored result and performs nothing
 * ({@link #operationsPerformed()} counts what was performed here). The keys live in a {@link Memory}: in
 * PostgreSQL in the running service (a restart forgets nothing, like a real provider), in a map in unit tests.
 *
 * <p>Faults: every call waits {@code latency}; with probability {@code transientFailureRate} it fails with
 * {@link ProviderUnavailableException}, half of the time before performing the operation and half of the time after
 * (a lost response: the retry with the same key finds the operation done).
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    public static final String CARD_EXPIRED = "CARD_EXPIRED";
    public static final String UPI_TIMEOUT_AT_BANK = "UPI_TIMEOUT_AT_BANK";
    public static final String WALLET_LIMIT_EXCEEDED = "WALLET_LIMIT_EXCEEDED";

    private final Settings settings;
    private final DoubleSupplier random;
    private final Memory memory;
    private final AtomicInteger operations = new AtomicInteger();

    /** What the provider performed, by idempotency key; results are stored as text ({@link #encode}). */
    public interface Memory {

        Optional<String> find(String key);

        /** Stores {@code result} for {@code key} unless one is stored; @return true if this call stored it */
        boolean storeOnce(String key, String result);

        /** A memory that lasts as long as the object, for unit tests. */
        static Memory inMemory() {
            Map<String, String> results = new ConcurrentHashMap<>();
            return new Memory() {
                @Override
                public Optional<String> find(String key) {
                    return Optional.ofNullable(results.get(key));
                }

                @Override
                public boolean storeOnce(String key, String result) {
                    return results.putIfAbsent(key, result) == null;
                }
            };
        }
    }

    /**
     * @param latency how long every call takes
     * @param transientFailureRate share of calls, 0 to 1, that fail with {@link ProviderUnavailableException}
     * @param walletLimitMinor the largest amount a WALLET authorization approves
     */
    public record Settings(Duration latency, double transientFailureRate, long walletLimitMinor) {

        public Settings {
            if (transientFailureRate < 0 || transientFailureRate > 1) {
                throw new IllegalArgumentException(
                        "transientFailureRate must be within [0, 1]: " + transientFailureRate);
            }
        }

        /** No latency, no failures, wallet limit 10,000.00. */
        public static Settings reliable() {
            return new Settings(Duration.ZERO, 0, 1_000_000);
        }
    }

    /** @param random source of the fault draws, uniform in [0, 1) */
    public SimulatedPaymentProvider(Settings settings, DoubleSupplier random, Memory memory) {
        this.settings = settings;
        this.random = random;
        this.memory = memory;
    }

    @Override
    public ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key) {
        return perform(key, () -> decide(request));
    }

    @Override
    public void capture(String authorizationId, Money amount, IdempotencyKey key) {
        perform(key, ProviderResult.Done::new);
    }

    @Override
    public void voidAuthorization(String authorizationId, IdempotencyKey key) {
        perform(key, ProviderResult.Done::new);
    }

    @Override
    public void refund(String authorizationId, Money amount, IdempotencyKey key) {
        perform(key, ProviderResult.Done::new);
    }

    /** Operations actually performed (a repeated key does not count). */
    public int operationsPerformed() {
        return operations.get();
    }

    private ProviderResult decide(AuthorizationRequest request) {
        long amount = request.amount().amountMinor();
        long lastTwoDigits = amount % 100;
        PaymentMethod method = request.method();
        if (method == PaymentMethod.CARD && lastTwoDigits == 51) {
            return new ProviderResult.Declined(INSUFFICIENT_FUNDS, "The card has insufficient funds");
        }
        if (method == PaymentMethod.CARD && lastTwoDigits == 54) {
            return new ProviderResult.Declined(CARD_EXPIRED, "The card has expired");
        }
        if (method == PaymentMethod.UPI && lastTwoDigits == 52) {
            return new ProviderResult.Declined(UPI_TIMEOUT_AT_BANK, "The customer's bank did not answer in time");
        }
        if (method == PaymentMethod.WALLET && amount > settings.walletLimitMinor()) {
            return new ProviderResult.Declined(
                    WALLET_LIMIT_EXCEEDED, "The amount is above the wallet's limit of " + settings.walletLimitMinor());
        }
        return new ProviderResult.Approved(authorizationIdFor(request));
    }

    private static String authorizationIdFor(AuthorizationRequest request) {
        UUID hash = UUID.nameUUIDFromBytes(request.orderId().toString().getBytes(StandardCharsets.UTF_8));
        return "sim_auth_" + hash.toString().replace("-", "").substring(0, 16);
    }

    private ProviderResult perform(IdempotencyKey key, Supplier<ProviderResult> operation) {
        sleep(settings.latency());
        double draw = settings.transientFailureRate() > 0 ? random.getAsDouble() : 1;
        if (draw < settings.transientFailureRate() / 2) {
            throw new ProviderUnavailableException(
                    "Simulated provider unavailable (nothing performed) for " + key.value());
        }
        String stored = memory.find(key.value()).orElse(null);
        if (stored == null) {
            String result = encode(operation.get());
            if (memory.storeOnce(key.value(), result)) {
                operations.incrementAndGet();
            }
            stored = memory.find(key.value()).orElseThrow();
        }
        if (draw < settings.transientFailureRate()) {
            throw new ProviderUnavailableException("Simulated lost response (performed) for " + key.value());
        }
        return decode(stored);
    }

    static String encode(ProviderResult result) {
        return switch (result) {
            case ProviderResult.Approved approved -> "APPROVED " + approved.authorizationId();
            case ProviderResult.Declined declined -> "DECLINED " + declined.code() + " " + declined.reason();
            case ProviderResult.Done done -> "DONE";
        };
    }

    static ProviderResult decode(String stored) {
        String[] parts = stored.split(" ", 3);
        return switch (parts[0]) {
            case "APPROVED" -> new ProviderResult.Approved(parts[1]);
            case "DECLINED" -> new ProviderResult.Declined(parts[1], parts[2]);
            case "DONE" -> new ProviderResult.Done();
            default -> throw new IllegalStateException("Unreadable stored provider result: " + stored);
        };
    }

    private static void sleep(Duration latency) {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while calling the simulated provider", e);
        }
    }
}
