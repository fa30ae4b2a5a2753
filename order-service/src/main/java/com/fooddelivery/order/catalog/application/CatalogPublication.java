package com.fooddelivery.order.catalog.application;

import com.fooddelivery.messaging.MessageContext;
import java.util.UUID;

/** Announces catalog changes on {@code restaurants.events} (implemented by the catalog's outbox publisher). */
public interface CatalogPublication {

    /**
     * Writes the restaurant's newest version to the outbox if it is not published yet, in the caller's transaction,
     * so the change and its message commit together or not at all.
     */
    void publishPending(UUID restaurantId, MessageContext context);
}
