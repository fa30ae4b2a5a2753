package com.fooddelivery.contracts.restaurant;

import java.time.LocalTime;

/**
 * Daily opening hours in the restaurant's local time zone (an IANA id such as {@code Asia/Kolkata}). {@code closesAt}
 * before {@code opensAt} means open past midnight; equal means open around the clock.
 */
public record OpeningHours(LocalTime opensAt, LocalTime closesAt, String timeZone) {}
