package com.fooddelivery.order.catalog.domain;

import java.util.Currency;
import java.util.Objects;

/** A menu price in the currency's minor unit (paise, cents), so no rounding ever happens. */
public record Price(long amountMinor, String currency) {

    /**
     * Upper bound of a price: an order line multiplies it by at most 50 and an order adds at most 50 lines, which
     * must stay far inside a {@code long}.
     */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;

    public Price {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0 || amountMinor > MAX_AMOUNT_MINOR) {
            throw new IllegalArgumentException(
                    "A price must be between 0 and " + MAX_AMOUNT_MINOR + ": " + amountMinor);
        }
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
    }

    /** Three upper-case letters that ISO 4217 assigns to a currency (as the JDK knows it), e.g. {@code INR}. */
    public static boolean isCurrencyCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
