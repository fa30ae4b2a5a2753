package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/** No courier is or will be looking for the order any more; an assigned courier, if any, was released. */
public record CourierRequestCancelled(UUID orderId) {}
