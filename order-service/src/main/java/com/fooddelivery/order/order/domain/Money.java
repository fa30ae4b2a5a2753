package com.fooddelivery.order.order.domain;

import java.util.Objects;

/** An amount in the currency's minor unit (paise, cents): no rounding in arithmetic. */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("Money cannot be negative: " + amountMinor);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amountMinor, quantity), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }
}
