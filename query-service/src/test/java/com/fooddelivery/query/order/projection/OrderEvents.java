package com.fooddelivery.query.order.projection;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.order.Courier;
import com.fooddelivery.contracts.order.OrderDetails;
import com.fooddelivery.contracts.order.OrderLine;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.contracts.order.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Order events as order-service publishes them. */
public final class OrderEvents {

    public static final Instant PLACED_AT = Instant.parse("2026-11-22T07:00:00Z");
    public static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    public static final Instant READY_AT = PLACED_AT.plusSeconds(25 * 60);
    public static final Courier COURIER = new Courier(
            UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c01"),
            UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a80"));
    /** What every order event says about the money until a refund is paid or a payment needs a person. */
    public static final OrderPayment NOTHING_REFUNDED = new OrderPayment(new Money(0, "INR"), null);

    private OrderEvents() {}

    /** A freshly placed order: two dosas, 240.00 INR. */
    public static OrderPlaced placed(UUID orderId) {
        return placedWithTimeline(orderId, 0, List.of(new StatusChange(OrderStatus.PENDING, null, PLACED_AT)));
    }

    /** The same order at a later sequence, its timeline one entry longer per step. */
    public static OrderPlaced atSequence(UUID orderId, long sequence) {
        List<StatusChange> timeline = java.util.stream.LongStream.rangeClosed(0, sequence)
                .mapToObj(i -> new StatusChange(OrderStatus.PENDING, null, PLACED_AT.plusSeconds(i)))
                .toList();
        return placedWithTimeline(orderId, sequence, timeline);
    }

    /** The order accepted by the restaurant (sequence 2, after the payment authorization), no courier yet. */
    public static OrderStatusChanged preparing(UUID orderId) {
        OrderPlaced placed = placed(orderId);
        return new OrderStatusChanged(
                orderId,
                2,
                OrderStatus.PREPARING,
                placed.details(),
                List.of(
                        placed.timeline().getFirst(),
                        new StatusChange(OrderStatus.AWAITING_RESTAURANT, null, PLACED_AT.plusSeconds(3)),
                        new StatusChange(OrderStatus.PREPARING, null, PLACED_AT.plusSeconds(60))),
                null,
                READY_AT,
                NOTHING_REFUNDED);
    }

    /** The accepted order with a courier assigned (sequence 3): status and timeline as in {@link #preparing}. */
    public static OrderStatusChanged courierAssigned(UUID orderId) {
        OrderStatusChanged preparing = preparing(orderId);
        return new OrderStatusChanged(
                orderId,
                3,
                preparing.status(),
                preparing.details(),
                preparing.timeline(),
                COURIER,
                preparing.estimatedReadyAt(),
                preparing.payment());
    }

    /**
     * The order delivered (sequence 5) and, later, with {@code refundedMinor} paise given back and {@code attention}
     * (null for none) at {@code sequence}: status and timeline stay those of the delivery.
     */
    public static OrderStatusChanged deliveredWithPayment(
            UUID orderId, long sequence, long refundedMinor, String attention) {
        OrderStatusChanged assigned = courierAssigned(orderId);
        List<StatusChange> timeline = new ArrayList<>(assigned.timeline());
        timeline.add(new StatusChange(OrderStatus.READY_FOR_PICKUP, null, PLACED_AT.plusSeconds(1200)));
        timeline.add(new StatusChange(OrderStatus.OUT_FOR_DELIVERY, null, PLACED_AT.plusSeconds(1300)));
        timeline.add(new StatusChange(OrderStatus.DELIVERED, null, PLACED_AT.plusSeconds(1900)));
        return new OrderStatusChanged(
                orderId,
                sequence,
                OrderStatus.DELIVERED,
                assigned.details(),
                List.copyOf(timeline),
                COURIER,
                READY_AT,
                new OrderPayment(new Money(refundedMinor, "INR"), attention));
    }

    /**
     * The order of {@code customer} at {@code restaurant}, placed at {@code placedAt}, in {@code status} at
     * {@code sequence} (its timeline: PENDING, then {@code status} a minute later).
     */
    public static OrderStatusChanged inStatus(
            UUID orderId, UUID customer, UUID restaurant, Instant placedAt, OrderStatus status, long sequence) {
        OrderPlaced placed =
                placedWithTimeline(orderId, 0, List.of(new StatusChange(OrderStatus.PENDING, null, placedAt)));
        var details = placed.details();
        return new OrderStatusChanged(
                orderId,
                sequence,
                status,
                new OrderDetails(
                        customer,
                        restaurant,
                        details.restaurantName(),
                        details.items(),
                        details.total(),
                        details.paymentMethod(),
                        details.deliveryAddress(),
                        placedAt),
                List.of(
                        new StatusChange(OrderStatus.PENDING, null, placedAt),
                        new StatusChange(status, null, placedAt.plusSeconds(60))),
                null,
                null,
                NOTHING_REFUNDED);
    }

    private static OrderPlaced placedWithTimeline(UUID orderId, long sequence, List<StatusChange> timeline) {
        Money price = new Money(12000, "INR");
        return new OrderPlaced(
                orderId,
                sequence,
                OrderStatus.PENDING,
                new OrderDetails(
                        CUSTOMER,
                        UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10"),
                        "Saravana Bhavan",
                        List.of(new OrderLine(
                                UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21"),
                                "Masala Dosa",
                                2,
                                price,
                                new Money(24000, "INR"))),
                        new Money(24000, "INR"),
                        PaymentMethod.CARD,
                        new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59),
                        PLACED_AT),
                timeline,
                null,
                null,
                NOTHING_REFUNDED);
    }
}
