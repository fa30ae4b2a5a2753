package com.fooddelivery.payment.payment.domain;

import java.util.Objects;

/** An amount in the currency's minor unit (paise, cents): no rounding ever happens. */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("A payment amount cannot be negative: " + amountMinor);
        }
        if (currency.isBlank()) {
            throw new IllegalArgumentException("A payment amount needs a currency");
        }
    }

    /** True if this amount can be taken from an authorization of {@code authorized}. */
    public boolean fitsWithin(Money authorized) {
        return currency.equals(authorized.currency) && amountMinor <= authorized.amountMinor;
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency;
    }
}
