package com.fooddelivery.contracts.payment;

import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import java.util.UUID;

/** Reserve the order's total with the customer's payment method; answered by PaymentAuthorized or PaymentDeclined. */
public record AuthorizePayment(UUID orderId, UUID customerId, Money amount, PaymentMethod method) {}
