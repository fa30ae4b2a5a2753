package com.fooddelivery.contracts.payment;

import java.util.UUID;

/** No money will be taken for the order: an authorization, if there was one, is released. */
public record PaymentVoided(UUID orderId) {}
