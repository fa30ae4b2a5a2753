package com.fooddelivery.order.order.domain;

/**
 * A refund larger than what can still be given back: the captured total less what was refunded and what is being
 * refunded. Nothing was recorded; {@code refundable} tells the caller the most it may ask for now.
 */
public class RefundExceedsCaptureException extends RuntimeException {

    private final Money requested;
    private final Money refundable;

    public RefundExceedsCaptureException(Money requested, Money refundable) {
        super("Cannot refund %d %s: only %d %s can still be refunded"
                .formatted(
                        requested.amountMinor(),
                        requested.currency(),
                        refundable.amountMinor(),
                        refundable.currency()));
        this.requested = requested;
        this.refundable = refundable;
    }

    public Money requested() {
        return requested;
    }

    public Money refundable() {
        return refundable;
    }
}
