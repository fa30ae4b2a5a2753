package com.fooddelivery.contracts.order;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/** One priced line of an order; prices come from the menu at the time of ordering, never from the client. */
public record OrderLine(UUID itemId, String name, int quantity, Money unitPrice, Money lineTotal) {}
