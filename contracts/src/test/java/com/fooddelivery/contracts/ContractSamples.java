package com.fooddelivery.contracts;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.order.OrderDetails;
import com.fooddelivery.contracts.order.OrderLine;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.StatusChange;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentVoided;
import com.fooddelivery.contracts.payment.VoidPayment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of every message in the catalog. */
final class ContractSamples {

    static final Instant PLACED_AT = Instant.parse("2026-11-22T12:30:00Z");

    static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    static final UUID CUSTOMER = UUID.fromString("6f1c1a52-4d3e-4c55-9a43-3b6e0e7f1c01");
    static final Money TOTAL = new Money(49800, "INR");

    static final Map<Class<?>, Object> BY_CLASS = Map.of(
            OrderPlaced.class, orderPlaced(),
            AuthorizePayment.class, new AuthorizePayment(ORDER, CUSTOMER, TOTAL, PaymentMethod.CARD),
            CapturePayment.class, new CapturePayment(ORDER, TOTAL),
            VoidPayment.class, new VoidPayment(ORDER),
            PaymentAuthorized.class, new PaymentAuthorized(ORDER, TOTAL, "auth_7Hq2"),
            PaymentDeclined.class, new PaymentDeclined(ORDER, "INSUFFICIENT_FUNDS", "The card has insufficient funds"),
            PaymentCaptured.class, new PaymentCaptured(ORDER, TOTAL),
            PaymentVoided.class, new PaymentVoided(ORDER));

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
                List.of(new StatusChange(OrderStatus.PENDING, null, PLACED_AT)));
    }
}
