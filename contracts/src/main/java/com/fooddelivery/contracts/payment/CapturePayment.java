package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

/** Take the authorized amount (the order was delivered); answered by PaymentCaptured. */
public record CapturePayment(UUID orderId, Money amount) {}
