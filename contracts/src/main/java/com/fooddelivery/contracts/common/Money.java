package com.fooddelivery.contracts.common;

/** An amount in the currency's minor unit (paise, cents), so no rounding ever happens in transit. */
public record Money(long amountMinor, String currency) {}
