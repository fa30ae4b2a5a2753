package com.fooddelivery.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event on {@code orders.events}. Each one carries the order's complete state after the change together with the
 * order's own sequence number, so a reader can apply any event on its own: it keeps the highest sequence and ignores
 * duplicates and stale events without needing the ones before it.
 */
public interface OrderEvent {

    UUID orderId();

    /** Sequence number of this change in the order's event stream; strictly increasing per order. */
    long sequence();

    OrderStatus status();

    OrderDetails details();

    List<StatusChange> timeline();

    /** The courier delivering the order; null until one is assigned. */
    Courier courier();

    /** When the restaurant expects the food to be ready; null until the restaurant accepts the order. */
    Instant estimatedReadyAt();

    /**
     * Refunds and what needs a person about the money; null only in messages published before it existed, which
     * read as nothing refunded and nothing to look at.
     */
    OrderPayment payment();
}
