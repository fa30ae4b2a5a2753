package com.fooddelivery.contracts.delivery;

import java.util.UUID;

/** delivery-service gave up finding a courier for the order ({@code reason} says why, e.g. every courier declined). */
public record NoCourierAvailable(UUID orderId, String reason) {}
