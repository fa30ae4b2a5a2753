package com.fooddelivery.query.order.projection;

import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.order.OrderEvent;
import com.fooddelivery.contracts.order.OrderLine;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.StatusChange;
import java.time.Instant;
import java.util.List;

/**
 * An order as the apps read it. Built from a single event of any type ({@code OrderPlaced}, {@code
 * OrderStatusChanged}), because every order event carries the complete state; {@code sequence} is the Elasticsearch
 * external version, so an older or repeated event can never overwrite it.
 *
 * <p>{@code courierId} and {@code deliveryId} are null until a courier is assigned, {@code estimatedReadyAt} until
 * the restaurant accepts the order. {@code payment} is never null: an event published before it existed, and a
 * document projected from one, read as nothing refunded (zero in the order's currency) and nothing to look at.
 */
public record OrderDocument(
        String orderId,
        long sequence,
        String status,
        String reason,
        String customerId,
        String restaurantId,
        String restaurantName,
        List<OrderLine> items,
        Money total,
        String paymentMethod,
        Address deliveryAddress,
        Instant placedAt,
        Instant updatedAt,
        String courierId,
        String deliveryId,
        Instant estimatedReadyAt,
        List<StatusChange> timeline,
        OrderPayment payment) {

    public OrderDocument {
        if (payment == null && total != null) {
            payment = new OrderPayment(new Money(0, total.currency()), null);
        }
    }

    public record Address(String line1, String city, GeoPoint location) {}

    public record GeoPoint(double lat, double lon) {}

    static OrderDocument of(OrderEvent event) {
        var details = event.details();
        StatusChange latest = event.timeline().getLast();
        var courier = event.courier();
        return new OrderDocument(
                event.orderId().toString(),
                event.sequence(),
                event.status().name(),
                latest.reason() == null ? null : latest.reason().name(),
                details.customerId().toString(),
                details.restaurantId().toString(),
                details.restaurantName(),
                details.items(),
                details.total(),
                details.paymentMethod().name(),
                new Address(
                        details.deliveryAddress().line1(),
                        details.deliveryAddress().city(),
                        new GeoPoint(
                                details.deliveryAddress().lat(),
                                details.deliveryAddress().lon())),
                details.placedAt(),
                latest.at(),
                courier == null ? null : courier.courierId().toString(),
                courier == null ? null : courier.deliveryId().toString(),
                event.estimatedReadyAt(),
                event.timeline(),
                event.payment());
    }
}
