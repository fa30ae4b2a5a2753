package com.fooddelivery.contracts.restaurant;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/** A dish on a restaurant's menu; an unavailable one is shown but cannot be ordered. */
public record MenuItem(UUID itemId, String name, String description, Money price, boolean available) {}
