package com.fooddelivery.payment.payment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment of one order and the rules of its life:
 *
 * <ul>
 *   <li>an order is authorized (or declined) once; a repeated authorization is answered with that first result and
 *       never reaches the provider again; a different authorization for the same order is refused;
 *   <li>a capture needs an AUTHORIZED payment and at most the authorized amount; a repeated capture is answered
 *       with the captured amount;
 *   <li>a void releases an AUTHORIZED payment. A void that arrives first records a VOIDED payment so the late
 *       authorization is declined {@value #ORDER_VOIDED}; voiding a DECLINED payment changes nothing but is
 *       answered; a CAPTURED payment cannot be voided (that is a refund).
 * </ul>
 *
 * The provider is only called for a transition that needs it, with a key derived from the order and the operation.
 */
public final class Payment {

    /** Decline code of an authorization that arrives for an order that was already voided. */
    public static final String ORDER_VOIDED = "ORDER_VOIDED";

    public static final String AUTHORIZATION_CONFLICT = "AUTHORIZATION_CONFLICT";
    public static final String NOT_AUTHORIZED = "NOT_AUTHORIZED";
    public static final String CAPTURE_EXCEEDS_AUTHORIZATION = "CAPTURE_EXCEEDS_AUTHORIZATION";
    public static final String ALREADY_CAPTURED = "ALREADY_CAPTURED";

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
    private Instant createdAt;
    private Instant updatedAt;
    private final boolean stored;
    private final List<LedgerEntry> performed = new ArrayList<>();

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
        payment.createdAt = snapshot.createdAt();
        payment.updatedAt = snapshot.updatedAt();
        return payment;
    }

    public PaymentOutcome authorize(AuthorizationRequest request, PaymentProvider provider, Instant now) {
        if (!orderId.equals(request.orderId())) {
            throw new IllegalArgumentException("Authorization for " + request.orderId() + " sent to " + orderId);
        }
        if (status == null) {
            return firstAuthorization(request, provider, now);
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
            case DECLINED -> new PaymentOutcome.Declined(orderId, declineCode, declineReason);
            case AUTHORIZED, CAPTURED -> new PaymentOutcome.Authorized(orderId, amount, authorizationId);
            default -> refusedIn(NOT_AUTHORIZED, "authorize");
        };
    }

    public PaymentOutcome capture(Money requested, PaymentProvider provider, Instant now) {
        if (status == PaymentStatus.CAPTURED) {
            return requested.equals(captured)
                    ? new PaymentOutcome.Captured(orderId, captured)
                    : refusedIn(ALREADY_CAPTURED, "capture " + requested + " after capturing " + captured);
        }
        if (status != PaymentStatus.AUTHORIZED) {
            return refusedIn(NOT_AUTHORIZED, "capture");
        }
        if (!requested.fitsWithin(amount)) {
            return new PaymentOutcome.Refused(
                    orderId,
                    CAPTURE_EXCEEDS_AUTHORIZATION,
                    "Asked to capture " + requested + " of an authorization of " + amount);
        }
        provider.capture(authorizationId, requested, IdempotencyKey.of(orderId, ProviderOperation.CAPTURE));
        performed.add(new LedgerEntry(orderId, ProviderOperation.CAPTURE, true, requested, now));
        captured = requested;
        moveTo(PaymentStatus.CAPTURED, now);
        return new PaymentOutcome.Captured(orderId, captured);
    }

    public PaymentOutcome voidPayment(PaymentProvider provider, Instant now) {
        if (status == null) {
            // The authorization may still be in flight: remember the void so it is declined when it arrives.
            createdAt = now;
            moveTo(PaymentStatus.VOIDED, now);
            return new PaymentOutcome.Voided(orderId);
        }
        return switch (status) {
            case AUTHORIZED -> {
                provider.voidAuthorization(authorizationId, IdempotencyKey.of(orderId, ProviderOperation.VOID));
                performed.add(new LedgerEntry(orderId, ProviderOperation.VOID, true, amount, now));
                moveTo(PaymentStatus.VOIDED, now);
                yield new PaymentOutcome.Voided(orderId);
            }
            case DECLINED, VOIDED -> new PaymentOutcome.Voided(orderId);
            case CAPTURED, REFUNDED -> refusedIn(ALREADY_CAPTURED, "void (a captured payment needs a refund)");
        };
    }

    private PaymentOutcome firstAuthorization(AuthorizationRequest request, PaymentProvider provider, Instant now) {
        AuthorizationResult result =
                provider.authorize(request, IdempotencyKey.of(orderId, ProviderOperation.AUTHORIZE));
        customerId = request.customerId();
        method = request.method();
        amount = request.amount();
        createdAt = now;
        boolean approved = result instanceof AuthorizationResult.Approved;
        performed.add(new LedgerEntry(orderId, ProviderOperation.AUTHORIZE, approved, amount, now));
        return switch (result) {
            case AuthorizationResult.Approved approval -> {
                authorizationId = approval.authorizationId();
                moveTo(PaymentStatus.AUTHORIZED, now);
                yield new PaymentOutcome.Authorized(orderId, amount, authorizationId);
            }
            case AuthorizationResult.Declined decline -> {
                declineCode = decline.code();
                declineReason = decline.reason();
                moveTo(PaymentStatus.DECLINED, now);
                yield new PaymentOutcome.Declined(orderId, declineCode, declineReason);
            }
        };
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
                createdAt,
                updatedAt);
    }

    /** Everything stored about a payment; fields that do not apply to its status are null. */
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
            Instant createdAt,
            Instant updatedAt) {}
}
