package com.fooddelivery.contracts.order;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an order is, fixed when it is placed. */
public record OrderDetails(
        UUID customerId,
        UUID restaurantId,
        String restaurantName,
        List<OrderLine> items,
        Money total,
        PaymentMethod paymentMethod,
        DeliveryAddress deliveryAddress,
        Instant placedAt) {}
