package com.fooddelivery.payment.payment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment of one order and the rules of its life. It never calls the provider itself: a command that needs the
 * provider records a {@link ProviderCall} intent and is answered {@link PaymentOutcome.Pending}; the call is made
 * outside any transaction, and its result comes back through {@link #complete} (or {@link #giveUp}), which gives the
 * answer. The rules:
 *
 * <ul>
 *   <li>an order is authorized (or declined) once; a repeated authorization is answered with that result, or is
 *       pending with the first while the provider is asked; a different authorization for the same order is refused;
 *   <li>a capture needs an AUTHORIZED payment and at most the authorized amount; a repeated capture is answered with
 *       the captured amount; a capture that cannot happen is answered {@link PaymentOutcome.CaptureFailed};
 *   <li>a void releases an AUTHORIZED payment, or one being authorized once the provider answered. A void that
 *       arrives first records a VOIDED payment so the late authorization is declined {@value #ORDER_VOIDED}; voiding a
 *       DECLINED payment changes nothing but is answered; a CAPTURED payment cannot be voided (that is a refund);
 *   <li>refunds give back parts of what was captured, each named by its refund id, together at most the captured
 *       amount (counting those still under way).
 * </ul>
 */
public final class Payment {

    /** Decline code of an authorization that arrives for an order that was already voided. */
    public static final String ORDER_VOIDED = "ORDER_VOIDED";

    public static final String AUTHORIZATION_CONFLICT = "AUTHORIZATION_CONFLICT";
    public static final String NOT_AUTHORIZED = "NOT_AUTHORIZED";
    public static final String CAPTURE_EXCEEDS_AUTHORIZATION = "CAPTURE_EXCEEDS_AUTHORIZATION";
    public static final String ALREADY_CAPTURED = "ALREADY_CAPTURED";
    public static final String NOT_CAPTURED = "NOT_CAPTURED";
    public static final String REFUND_EXCEEDS_CAPTURE = "REFUND_EXCEEDS_CAPTURE";
    /** The provider gave no answer through every attempt. */
    public static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";

    private final UUID orderId;
    private UUID customerId;
    private PaymentMethod method;
    private Money amount;
    /** Null while no command has recorded anything for the order. */
    private PaymentStatus status;

    private String authorizationId;
    private String declineCode;
    private String declineReason;
    private Money captured;
    private long refundedMinor;
    /** Refunds asked for and not failed: paid ones and those under way. */
    private long refundsReservedMinor;

    private Instant createdAt;
    private Instant updatedAt;
    private final boolean stored;
    private final List<LedgerEntry> performed = new ArrayList<>();
    private final List<ProviderCall> intents = new ArrayList<>();

    private Payment(UUID orderId, boolean stored) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.stored = stored;
    }

    /** An order for which no payment command has been recorded yet. */
    public static Payment none(UUID orderId) {
        return new Payment(orderId, false);
    }

    /** A payment as it was stored. */
    public static Payment restore(Snapshot snapshot) {
        Payment payment = new Payment(snapshot.orderId(), true);
        payment.customerId = snapshot.customerId();
        payment.method = snapshot.method();
        payment.amount = snapshot.amount();
        payment.status = Objects.requireNonNull(snapshot.status(), "status");
        payment.authorizationId = snapshot.authorizationId();
        payment.declineCode = snapshot.declineCode();
        payment.declineReason = snapshot.declineReason();
        payment.captured = snapshot.captured();
        payment.refundedMinor = snapshot.refundedMinor();
        payment.refundsReservedMinor = snapshot.refundsReservedMinor();
        payment.createdAt = snapshot.createdAt();
        payment.updatedAt = snapshot.updatedAt();
        return payment;
    }

    // --- commands, as they arrive

    public PaymentOutcome authorize(AuthorizationRequest request, Instant now) {
        if (!orderId.equals(request.orderId())) {
            throw new IllegalArgumentException("Authorization for " + request.orderId() + " sent to " + orderId);
        }
        if (status == null) {
            customerId = request.customerId();
            method = request.method();
            amount = request.amount();
            createdAt = now;
            moveTo(PaymentStatus.AUTHORIZING, now);
            intents.add(ProviderCall.intent(orderId, ProviderOperation.AUTHORIZE, amount));
            return new PaymentOutcome.Pending(orderId);
        }
        if (status == PaymentStatus.VOIDED) {
            return new PaymentOutcome.Declined(
                    orderId, ORDER_VOIDED, "The order was voided before its payment was authorized");
        }
        if (!request.amount().equals(amount) || request.method() != method) {
            return new PaymentOutcome.Refused(
                    orderId,
                    AUTHORIZATION_CONFLICT,
                    "Already %s for %s by %s; asked %s by %s"
                            .formatted(status, amount, method, request.amount(), request.method()));
        }
        return switch (status) {
            case AUTHORIZING -> new PaymentOutcome.Pending(orderId);
            case DECLINED -> new PaymentOutcome.Declined(orderId, declineCode, declineReason);
            case AUTHORIZED, CAPTURED, REFUNDED, VOIDED ->
                new PaymentOutcome.Authorized(orderId, amount, authorizationId);
        };
    }

    public PaymentOutcome capture(Money requested, Instant now) {
        if (status == PaymentStatus.CAPTURED || status == PaymentStatus.REFUNDED) {
            return requested.equals(captured)
                    ? new PaymentOutcome.Captured(orderId, captured)
                    : captureFailed(
                            requested,
                            ALREADY_CAPTURED,
                            "Asked to capture " + requested + " after capturing " + captured);
        }
        if (status != PaymentStatus.AUTHORIZED) {
            return captureFailed(
                    requested,
                    NOT_AUTHORIZED,
                    "Cannot capture a payment that is " + (status == null ? "not recorded" : status));
        }
        if (!requested.fitsWithin(amount)) {
            return captureFailed(
                    requested,
                    CAPTURE_EXCEEDS_AUTHORIZATION,
                    "Asked to capture " + requested + " of an authorization of " + amount);
        }
        // Recorded once per order: a repeated capture finds the same intent (same key) and waits for its outcome.
        intents.add(ProviderCall.intent(orderId, ProviderOperation.CAPTURE, requested));
        return new PaymentOutcome.Pending(orderId);
    }

    public PaymentOutcome voidPayment(Instant now) {
        if (status == null) {
            // The authorization may still be in flight: remember the void so it is declined when it arrives.
            createdAt = now;
            moveTo(PaymentStatus.VOIDED, now);
            return new PaymentOutcome.Voided(orderId);
        }
        return switch (status) {
            case AUTHORIZING, AUTHORIZED -> {
                // Queued behind the authorization, if that is still under way: decided when it is the void's turn.
                intents.add(ProviderCall.intent(orderId, ProviderOperation.VOID, amount));
                yield new PaymentOutcome.Pending(orderId);
            }
            case DECLINED, VOIDED -> new PaymentOutcome.Voided(orderId);
            case CAPTURED, REFUNDED -> refusedIn(ALREADY_CAPTURED, "void (a captured payment needs a refund)");
        };
    }

    /**
     * A new refund, or one that failed before and is asked for again. The caller answers a refund that was paid, or
     * is under way, from its call without asking the payment.
     */
    public PaymentOutcome refund(UUID refundId, Money requested, Instant now) {
        if (status != PaymentStatus.CAPTURED) {
            return new PaymentOutcome.RefundFailed(
                    orderId,
                    refundId,
                    requested,
                    NOT_CAPTURED,
                    "Cannot refund a payment that is " + (status == null ? "not recorded" : status));
        }
        long refundable = captured.amountMinor() - refundsReservedMinor;
        if (!requested.currency().equals(captured.currency()) || requested.amountMinor() > refundable) {
            return new PaymentOutcome.RefundFailed(
                    orderId,
                    refundId,
                    requested,
                    REFUND_EXCEEDS_CAPTURE,
                    "Asked to refund %s; %s of %s captured can still be refunded"
                            .formatted(requested, new Money(refundable, captured.currency()), captured));
        }
        refundsReservedMinor += requested.amountMinor();
        updatedAt = now;
        intents.add(ProviderCall.refundIntent(orderId, refundId, requested));
        return new PaymentOutcome.Pending(orderId);
    }

    // --- provider calls, when it is their turn and when they are answered

    /**
     * A call whose turn has come but that needs no provider any more: a void queued behind an authorization that was
     * declined. Completes it and gives its answer; empty if the provider must be called.
     */
    public Optional<PaymentOutcome> settleWithoutProvider(ProviderCall call) {
        if (call.operation() == ProviderOperation.VOID && status != PaymentStatus.AUTHORIZED) {
            return Optional.of(
                    status == PaymentStatus.DECLINED || status == PaymentStatus.VOIDED
                            ? new PaymentOutcome.Voided(orderId)
                            : refusedIn(ALREADY_CAPTURED, "void (a captured payment needs a refund)"));
        }
        return Optional.empty();
    }

    /** The provider's reference to call it with (null before an approved authorization). */
    public String authorizationId() {
        return authorizationId;
    }

    public AuthorizationRequest authorizationRequest() {
        return new AuthorizationRequest(orderId, customerId, amount, method);
    }

    /** The provider answered {@code call}: the payment moves on, the operation is recorded, and this is the answer. */
    public PaymentOutcome complete(ProviderCall call, ProviderResult result, Instant now) {
        return switch (call.operation()) {
            case AUTHORIZE -> {
                performed.add(new LedgerEntry(
                        orderId,
                        ProviderOperation.AUTHORIZE,
                        result instanceof ProviderResult.Approved,
                        amount,
                        null,
                        now));
                yield authorized(result, now);
            }
            case CAPTURE -> {
                perform(call, true, now);
                captured = call.amount();
                moveTo(PaymentStatus.CAPTURED, now);
                yield new PaymentOutcome.Captured(orderId, captured);
            }
            case VOID -> {
                perform(call, true, now);
                moveTo(PaymentStatus.VOIDED, now);
                yield new PaymentOutcome.Voided(orderId);
            }
            case REFUND -> {
                perform(call, true, now);
                refundedMinor += call.amount().amountMinor();
                moveTo(refundedMinor == captured.amountMinor() ? PaymentStatus.REFUNDED : PaymentStatus.CAPTURED, now);
                yield new PaymentOutcome.Refunded(orderId, call.refundId(), call.amount());
            }
        };
    }

    /**
     * The provider gave no answer to {@code call} through every attempt: nothing is known to have happened. An
     * authorization is declined (the order cannot wait), a capture or a refund is reported failed for a person to
     * look at. A void is never given up: an authorization must be released.
     */
    public PaymentOutcome giveUp(ProviderCall call, String reason, Instant now) {
        return switch (call.operation()) {
            case AUTHORIZE -> authorized(new ProviderResult.Declined(PROVIDER_UNAVAILABLE, reason), now);
            case CAPTURE -> captureFailed(call.amount(), PROVIDER_UNAVAILABLE, reason);
            case REFUND -> {
                refundsReservedMinor -= call.amount().amountMinor();
                updatedAt = now;
                yield new PaymentOutcome.RefundFailed(
                        orderId, call.refundId(), call.amount(), PROVIDER_UNAVAILABLE, reason);
            }
            case VOID -> throw new IllegalArgumentException("A void is retried until the provider answers");
        };
    }

    private PaymentOutcome authorized(ProviderResult result, Instant now) {
        return switch (result) {
            case ProviderResult.Approved approval -> {
                authorizationId = approval.authorizationId();
                moveTo(PaymentStatus.AUTHORIZED, now);
                yield new PaymentOutcome.Authorized(orderId, amount, authorizationId);
            }
            case ProviderResult.Declined decline -> {
                declineCode = decline.code();
                declineReason = decline.reason();
                moveTo(PaymentStatus.DECLINED, now);
                yield new PaymentOutcome.Declined(orderId, declineCode, declineReason);
            }
            case ProviderResult.Done done ->
                throw new IllegalArgumentException("An authorization is approved or declined");
        };
    }

    private void perform(ProviderCall call, boolean approved, Instant now) {
        performed.add(new LedgerEntry(orderId, call.operation(), approved, call.amount(), call.refundId(), now));
    }

    private PaymentOutcome captureFailed(Money requested, String code, String reason) {
        return new PaymentOutcome.CaptureFailed(orderId, requested, code, reason);
    }

    private PaymentOutcome refusedIn(String code, String action) {
        return new PaymentOutcome.Refused(
                orderId, code, "Cannot " + action + " a payment that is " + (status == null ? "not recorded" : status));
    }

    private void moveTo(PaymentStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public UUID orderId() {
        return orderId;
    }

    /** False for an order no command has recorded anything for: there is nothing to store. */
    public boolean isRecorded() {
        return status != null;
    }

    /** False until the payment was first stored; a new payment is inserted, a stored one updated. */
    public boolean isStored() {
        return stored;
    }

    public Optional<PaymentStatus> status() {
        return Optional.ofNullable(status);
    }

    /** Provider operations performed since the payment was loaded, in order; the ledger rows to append. */
    public List<LedgerEntry> performedOperations() {
        return List.copyOf(performed);
    }

    /** Provider calls decided on since the payment was loaded, in order; whoever stores the payment records them. */
    public List<ProviderCall> intents() {
        return List.copyOf(intents);
    }

    public Snapshot snapshot() {
        return new Snapshot(
                orderId,
                customerId,
                method,
                amount,
                status,
                authorizationId,
                declineCode,
                declineReason,
                captured,
                refundedMinor,
                refundsReservedMinor,
                createdAt,
                updatedAt);
    }

    /** Everything stored about a payment; fields that do not apply to its status are null (or 0). */
    public record Snapshot(
            UUID orderId,
            UUID customerId,
            PaymentMethod method,
            Money amount,
            PaymentStatus status,
            String authorizationId,
            String declineCode,
            String declineReason,
            Money captured,
            long refundedMinor,
            long refundsReservedMinor,
            Instant createdAt,
            Instant updatedAt) {}
}
