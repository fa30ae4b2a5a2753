package com.fooddelivery.order.order.domain;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PlaceOrder(
        @TargetAggregateIdentifier UUID orderId,
        UUID customerId,
        UUID restaurantId,
        List<RequestedItem> items,
        PaymentMethod paymentMethod,
        DeliveryAddress deliveryAddress) {}
