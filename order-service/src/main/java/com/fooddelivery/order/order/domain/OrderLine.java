package com.fooddelivery.order.order.domain;

import java.util.UUID;

/** A priced line: the menu's price at the time of ordering. */
public record OrderLine(UUID itemId, String name, int quantity, Money unitPrice, Money lineTotal) {}
