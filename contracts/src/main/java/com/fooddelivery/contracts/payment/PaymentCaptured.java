package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import java.util.UUID;

public record PaymentCaptured(UUID orderId, Money amount) {}
