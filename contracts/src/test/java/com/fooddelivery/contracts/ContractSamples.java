package com.fooddelivery.contracts;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.CourierAssigned;
import com.fooddelivery.contracts.delivery.CourierRequestCancelled;
import com.fooddelivery.contracts.delivery.CourierUnassigned;
import com.fooddelivery.contracts.delivery.DeliveryDelivered;
import com.fooddelivery.contracts.delivery.DeliveryFailed;
import com.fooddelivery.contracts.delivery.DeliveryPickedUp;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import com.fooddelivery.contracts.delivery.NoCourierAvailable;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.contracts.order.Courier;
import com.fooddelivery.contracts.order.OrderDetails;
import com.fooddelivery.contracts.order.OrderLine;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.contracts.order.StatusChange;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptureFailed;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentRefundFailed;
import com.fooddelivery.contracts.payment.PaymentRefunded;
import com.fooddelivery.contracts.payment.PaymentVoided;
import com.fooddelivery.contracts.payment.RefundPayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.contracts.restaurant.MenuItem;
import com.fooddelivery.contracts.restaurant.OpeningHours;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One realistic instance of every message in the catalog. */
final class ContractSamples {

    static final Instant PLACED_AT = Instant.parse("2026-11-22T12:30:00Z");

    static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    static final Money TOTAL = new Money(49800, "INR");
    static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    static final UUID DELIVERY = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a80");
    static final UUID COURIER = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c01");
    static final UUID REFUND = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

    /** Every sample, by its class. */
    static final Map<Class<?>, Object> BY_CLASS = Stream.of(
                    orderPlaced(),
                    orderStatusChanged(),
                    new AuthorizePayment(ORDER, CUSTOMER, TOTAL, PaymentMethod.CARD),
                    new CapturePayment(ORDER, TOTAL),
                    new VoidPayment(ORDER),
                    new PaymentAuthorized(ORDER, TOTAL, "auth_7Hq2"),
                    new PaymentDeclined(ORDER, "INSUFFICIENT_FUNDS", "The card has insufficient funds"),
                    new PaymentCaptured(ORDER, TOTAL),
                    new PaymentVoided(ORDER),
                    new RefundPayment(ORDER, REFUND, new Money(12000, "INR")),
                    new PaymentRefunded(ORDER, REFUND, new Money(12000, "INR")),
                    new PaymentRefundFailed(
                            ORDER,
                            REFUND,
                            new Money(60000, "INR"),
                            "REFUND_EXCEEDS_CAPTURE",
                            "Asked to refund 600.00 INR of 498.00 INR captured"),
                    new PaymentCaptureFailed(
                            ORDER, TOTAL, "PROVIDER_UNAVAILABLE", "The provider did not confirm the capture"),
                    new RequestCourier(
                            ORDER,
                            RESTAURANT,
                            "Saravana Bhavan",
                            new GeoPoint(12.9719, 77.6412),
                            new DeliveryAddress("12 MG Road", "Bengaluru", 12.9716, 77.5946)),
                    new CancelCourierRequest(ORDER),
                    new CourierAssigned(ORDER, DELIVERY, COURIER),
                    new CourierUnassigned(ORDER, DELIVERY, COURIER, CourierUnassigned.Reason.COURIER_SILENT),
                    new DeliveryPickedUp(ORDER, DELIVERY, COURIER),
                    new DeliveryDelivered(ORDER, DELIVERY, COURIER),
                    new DeliveryFailed(
                            ORDER,
                            DELIVERY,
                            COURIER,
                            DeliveryFailed.Reason.CUSTOMER_UNREACHABLE,
                            "Rang twice, nobody at the gate"),
                    new NoCourierAvailable(ORDER, "Every online courier declined"),
                    new CourierRequestCancelled(ORDER),
                    new DeliveryUpdated(
                            DELIVERY,
                            ORDER,
                            4,
                            DeliveryStatus.PICKED_UP,
                            RESTAURANT,
                            "Saravana Bhavan",
                            new GeoPoint(12.9719, 77.6412),
                            new DeliveryAddress("12 MG Road", "Bengaluru", 12.9716, 77.5946),
                            COURIER,
                            new GeoPoint(12.9717, 77.6101),
                            PLACED_AT.plusSeconds(1500),
                            PLACED_AT.plusSeconds(1920),
                            null,
                            PLACED_AT.plusSeconds(600),
                            PLACED_AT.plusSeconds(1500)),
                    new RestaurantChanged(
                            RESTAURANT,
                            3,
                            "Saravana Bhavan",
                            "South Indian",
                            new GeoPoint(12.9719, 77.6412),
                            new OpeningHours(LocalTime.of(7, 0), LocalTime.of(23, 30), "Asia/Kolkata"),
                            List.of(
                                    new MenuItem(
                                            UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21"),
                                            "Masala Dosa",
                                            "Crisp rice crepe with spiced potato",
                                            new Money(12000, "INR"),
                                            true),
                                    new MenuItem(
                                            UUID.fromString("b4f2a1d3-8c6e-4f9b-8d42-3a7e9c5b8f32"),
                                            "Filter Coffee",
                                            "",
                                            new Money(6000, "INR"),
                                            false)),
                            PLACED_AT))
            .collect(Collectors.toUnmodifiableMap(Object::getClass, sample -> sample));

    private ContractSamples() {}

    static OrderPlaced orderPlaced() {
        Money unitPrice = new Money(24900, "INR");
        OrderDetails details = new OrderDetails(
                UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01"),
                UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10"),
                "Saravana Bhavan",
                List.of(new OrderLine(
                        UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21"),
                        "Masala Dosa",
                        2,
                        unitPrice,
                        new Money(49800, "INR"))),
                new Money(49800, "INR"),
                PaymentMethod.UPI,
                new DeliveryAddress("12 MG Road", "Bengaluru", 12.9716, 77.5946),
                PLACED_AT);
        return new OrderPlaced(
                UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60"),
                0,
                OrderStatus.PENDING,
                details,
                List.of(new StatusChange(OrderStatus.PENDING, null, PLACED_AT)),
                null,
                null,
                new OrderPayment(new Money(0, "INR"), null));
    }

    /** The same order out for delivery: its courier assigned (sequence 4) and picked up (sequence 5). */
    static OrderStatusChanged orderStatusChanged() {
        OrderPlaced placed = orderPlaced();
        return new OrderStatusChanged(
                placed.orderId(),
                5,
                OrderStatus.OUT_FOR_DELIVERY,
                placed.details(),
                List.of(
                        placed.timeline().getFirst(),
                        new StatusChange(OrderStatus.AWAITING_RESTAURANT, null, PLACED_AT.plusSeconds(3)),
                        new StatusChange(OrderStatus.PREPARING, null, PLACED_AT.plusSeconds(60)),
                        new StatusChange(OrderStatus.READY_FOR_PICKUP, null, PLACED_AT.plusSeconds(900)),
                        new StatusChange(OrderStatus.OUT_FOR_DELIVERY, null, PLACED_AT.plusSeconds(1080))),
                new Courier(COURIER, DELIVERY),
                PLACED_AT.plusSeconds(60 + 15 * 60),
                placed.payment());
    }

    /**
     * The same order delivered (sequence 6) whose capture was not confirmed in time (7), then captured after all (8)
     * and partly refunded (9, 10): a missing dosa.
     */
    static OrderStatusChanged deliveredAndPartlyRefunded() {
        OrderStatusChanged outForDelivery = orderStatusChanged();
        List<StatusChange> timeline = new ArrayList<>(outForDelivery.timeline());
        timeline.add(new StatusChange(OrderStatus.DELIVERED, null, PLACED_AT.plusSeconds(2400)));
        return new OrderStatusChanged(
                outForDelivery.orderId(),
                10,
                OrderStatus.DELIVERED,
                outForDelivery.details(),
                List.copyOf(timeline),
                outForDelivery.courier(),
                outForDelivery.estimatedReadyAt(),
                new OrderPayment(new Money(24900, "INR"), null));
    }
}
