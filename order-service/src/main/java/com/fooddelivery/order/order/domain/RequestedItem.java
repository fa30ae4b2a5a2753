package com.fooddelivery.order.order.domain;

import java.util.UUID;

/** What the customer asked for: an item and a quantity, never a price. */
public record RequestedItem(UUID itemId, int quantity) {}
