package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/** Stop looking for (or release) a courier for the order; answered by CourierRequestCancelled. */
public record CancelCourierRequest(UUID orderId) {}
