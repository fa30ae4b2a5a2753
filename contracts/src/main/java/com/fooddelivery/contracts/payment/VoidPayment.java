package com.fooddelivery.contracts.payment;

import java.util.UUID;

/**
 * Release an authorization (the order will not be delivered); answered by PaymentVoided. Also sent when an
 * authorization may still be in flight: voiding an order that was never authorized is a no-op that still answers.
 */
public record VoidPayment(UUID orderId) {}
