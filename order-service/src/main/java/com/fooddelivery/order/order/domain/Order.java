package com.fooddelivery.order.order.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fooddelivery.order.order.domain.OrderCommands.AcceptOrder;
import com.fooddelivery.order.order.domain.OrderCommands.CancelOrder;
import com.fooddelivery.order.order.domain.OrderCommands.ExpirePaymentWait;
import com.fooddelivery.order.order.domain.OrderCommands.ExpireRestaurantWait;
import com.fooddelivery.order.order.domain.OrderCommands.FlagPaymentAttention;
import com.fooddelivery.order.order.domain.OrderCommands.GiveUpOnCourier;
import com.fooddelivery.order.order.domain.OrderCommands.MarkReady;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCaptureFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierAssigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierUnassigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDelivered;
import com.fooddelivery.order.order.domain.OrderCommands.RecordDeliveryFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentAuthorized;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentDeclined;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPickedUp;
import com.fooddelivery.order.order.domain.OrderCommands.RecordRefundFailed;
import com.fooddelivery.order.order.domain.OrderCommands.RecordRefundPaid;
import com.fooddelivery.order.order.domain.OrderCommands.RejectOrder;
import com.fooddelivery.order.order.domain.OrderCommands.RequestRefund;
import com.fooddelivery.order.order.domain.OrderEvents.CourierAssignedToOrder;
import com.fooddelivery.order.order.domain.OrderEvents.CourierUnassignedFromOrder;
import com.fooddelivery.order.order.domain.OrderEvents.OrderAcceptedByRestaurant;
import com.fooddelivery.order.order.domain.OrderEvents.OrderCancelled;
import com.fooddelivery.order.order.domain.OrderEvents.OrderDelivered;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPaymentCaptured;
import com.fooddelivery.order.order.domain.OrderEvents.OrderPickedUp;
import com.fooddelivery.order.order.domain.OrderEvents.OrderReadyForPickup;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRefunded;
import com.fooddelivery.order.order.domain.OrderEvents.OrderRejected;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentAuthorizedForOrder;
import com.fooddelivery.order.order.domain.OrderEvents.PaymentNeedsAttention;
import com.fooddelivery.order.order.domain.OrderEvents.RefundFailed;
import com.fooddelivery.order.order.domain.OrderEvents.RefundRequested;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order, event-sourced, and the arbiter of every race around it. Command handlers check the rules and apply
 * events; only event-sourcing handlers change state. The unique (order id, sequence) of its event stream serializes
 * concurrent changes.
 *
 * <p>Two kinds of commands: a person's request (restaurant, customer, ADMIN) in the wrong state is refused with
 * {@link OrderStateConflictException}; a fact reported by another service or a deadline that arrives too late is
 * ignored, because the saga has already compensated for the path that won (for example, a payment authorization
 * after the payment deadline is voided).
 */
@Aggregate
public class Order {

    private static final Set<OrderStatus> AWAITING_COURIER =
            EnumSet.of(OrderStatus.PREPARING, OrderStatus.READY_FOR_PICKUP);

    @AggregateIdentifier
    private UUID orderId;

    private UUID customerId;
    private UUID restaurantId;
    private Money total;
    private OrderStatus status;
    private UUID courierId;
    private boolean paymentCaptured;
    /** Why a person must look at the payment; null while nobody needs to. */
    private String paymentAttention;
    /** Every refund ever requested, by its id, with the amount asked for. */
    private final Map<UUID, Money> refunds = new HashMap<>();
    /** The refunds payment-service has not answered yet: their amounts are not refundable again meanwhile. */
    private final Map<UUID, Money> pendingRefunds = new HashMap<>();

    private long refundedMinor;

    protected Order() {
        // for Axon: rebuilt from its events
    }

    /** Prices the order from the restaurant's current menu; client prices are never trusted. */
    @CommandHandler
    public Order(PlaceOrder command, Menus menus, Clock clock) {
        Menu menu = menus.find(command.restaurantId())
                .orElseThrow(() -> new OrderNotAcceptedException(
                        OrderNotAcceptedException.Reason.UNKNOWN_RESTAURANT,
                        "Restaurant %s does not exist".formatted(command.restaurantId()),
                        command.restaurantId()));
        var placedAt = clock.instant();
        PricedOrder priced = menu.price(command.items(), placedAt);
        apply(new OrderPlacedEvent(
                command.orderId(),
                command.customerId(),
                command.restaurantId(),
                priced.restaurantName(),
                menu.location(),
                priced.lines(),
                priced.total(),
                command.paymentMethod(),
                command.deliveryAddress(),
                placedAt));
    }

    @CommandHandler
    void handle(RecordPaymentAuthorized command) {
        if (status == OrderStatus.PENDING) {
            apply(new PaymentAuthorizedForOrder(orderId));
        }
    }

    @CommandHandler
    void handle(RecordPaymentDeclined command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderRejected(orderId, OrderEndReason.PAYMENT_DECLINED, command.declineCode()));
        }
    }

    @CommandHandler
    void handle(ExpirePaymentWait command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderRejected(orderId, OrderEndReason.PAYMENT_TIMEOUT, "No payment answer in time"));
        }
    }

    @CommandHandler
    void handle(AcceptOrder command, Clock clock) {
        requireRestaurant(command.restaurantId());
        require(OrderStatus.AWAITING_RESTAURANT, "accept");
        apply(new OrderAcceptedByRestaurant(
                orderId,
                command.prepTimeMinutes(),
                clock.instant().plus(Duration.ofMinutes(command.prepTimeMinutes()))));
    }

    @CommandHandler
    void handle(RejectOrder command) {
        requireRestaurant(command.restaurantId());
        require(OrderStatus.AWAITING_RESTAURANT, "reject");
        apply(new OrderRejected(orderId, OrderEndReason.RESTAURANT_REJECTED, command.reason()));
    }

    @CommandHandler
    void handle(ExpireRestaurantWait command) {
        if (status == OrderStatus.AWAITING_RESTAURANT) {
            apply(new OrderRejected(
                    orderId, OrderEndReason.RESTAURANT_TIMEOUT, "The restaurant did not answer in time"));
        }
    }

    @CommandHandler
    void handle(MarkReady command) {
        requireRestaurant(command.restaurantId());
        require(OrderStatus.PREPARING, "mark ready");
        apply(new OrderReadyForPickup(orderId));
    }

    @CommandHandler
    void handle(RecordCourierAssigned command) {
        if (AWAITING_COURIER.contains(status) && courierId == null) {
            apply(new CourierAssignedToOrder(orderId, command.courierId(), command.deliveryId()));
        }
    }

    /** Only the courier who holds it can lose it, and only before pickup; anything else is a stale report. */
    @CommandHandler
    void handle(RecordCourierUnassigned command) {
        if (AWAITING_COURIER.contains(status) && command.courierId().equals(courierId)) {
            apply(new CourierUnassignedFromOrder(orderId, courierId, command.reason()));
        }
    }

    @CommandHandler
    void handle(GiveUpOnCourier command) {
        if (AWAITING_COURIER.contains(status) && courierId == null) {
            apply(new OrderCancelled(orderId, OrderEndReason.NO_COURIER));
        }
    }

    @CommandHandler
    void handle(RecordPickedUp command) {
        if (AWAITING_COURIER.contains(status) && courierId != null) {
            apply(new OrderPickedUp(orderId));
        }
    }

    @CommandHandler
    void handle(RecordDelivered command) {
        if (status == OrderStatus.OUT_FOR_DELIVERY) {
            apply(new OrderDelivered(orderId));
        }
    }

    /** Cancelled: nothing is captured before delivery, so the saga's void leaves the customer paying nothing. */
    @CommandHandler
    void handle(RecordDeliveryFailed command) {
        if (status == OrderStatus.OUT_FOR_DELIVERY) {
            apply(new OrderCancelled(orderId, OrderEndReason.DELIVERY_FAILED));
        }
    }

    /** Recorded even after the payment was flagged for attention: a late capture is still the money taken. */
    @CommandHandler
    void handle(RecordPaymentCaptured command) {
        if (status == OrderStatus.DELIVERED && !paymentCaptured) {
            apply(new OrderPaymentCaptured(orderId));
        }
    }

    @CommandHandler
    void handle(RecordCaptureFailed command) {
        needAttention(command.code());
    }

    @CommandHandler
    void handle(FlagPaymentAttention command) {
        needAttention(command.reason());
    }

    /**
     * Only an uncaptured delivered order needs a person, and once: a capture that won the race, a duplicate report and
     * a failure after the deadline (or the deadline after a failure) change nothing.
     */
    private void needAttention(String reason) {
        if (status == OrderStatus.DELIVERED && !paymentCaptured && paymentAttention == null) {
            apply(new PaymentNeedsAttention(orderId, reason));
        }
    }

    /**
     * Staff of the order's restaurant or an ADMIN give back part or all of a captured payment (a missing item, a cold
     * meal). The refunds paid and those still pending never exceed the captured total, which is the order's total.
     * The same {@code refundId} again is the same refund, answered with its amount and requested once, whatever it
     * asks for; after a failure a person tries again with a new one.
     *
     * @return the refund's amount, in the order's currency
     */
    @CommandHandler
    Money handle(RequestRefund command) {
        if (command.restaurantId() != null) {
            requireRestaurant(command.restaurantId());
        }
        Money known = refunds.get(command.refundId());
        if (known != null) {
            return known;
        }
        if (status != OrderStatus.DELIVERED || !paymentCaptured) {
            // Before the capture there is nothing to give back: the payment is voided or still being captured.
            throw new OrderStateConflictException(status, "refund");
        }
        Money amount = new Money(command.amountMinor(), total.currency());
        Money refundable = refundable();
        if (amount.amountMinor() > refundable.amountMinor()) {
            throw new RefundExceedsCaptureException(amount, refundable);
        }
        apply(new RefundRequested(orderId, command.refundId(), amount, command.reason()));
        return amount;
    }

    /** Once per refund: a duplicate reply, or one for a refund this order never asked for, changes nothing. */
    @CommandHandler
    void handle(RecordRefundPaid command) {
        if (pendingRefunds.containsKey(command.refundId())) {
            apply(new OrderRefunded(orderId, command.refundId(), command.amount()));
        }
    }

    @CommandHandler
    void handle(RecordRefundFailed command) {
        if (pendingRefunds.containsKey(command.refundId())) {
            apply(new RefundFailed(orderId, command.refundId(), command.code()));
        }
    }

    /** A customer may cancel until the restaurant has accepted the order. */
    @CommandHandler
    void handle(CancelOrder command) {
        if (!customerId.equals(command.customerId())) {
            throw new OrderNotFoundException(orderId);
        }
        if (status != OrderStatus.PENDING && status != OrderStatus.AWAITING_RESTAURANT) {
            throw new OrderStateConflictException(status, "cancel");
        }
        apply(new OrderCancelled(orderId, OrderEndReason.CUSTOMER_CANCELLED));
    }

    private Money refundable() {
        long pending =
                pendingRefunds.values().stream().mapToLong(Money::amountMinor).sum();
        return new Money(Math.max(0, total.amountMinor() - refundedMinor - pending), total.currency());
    }

    private void requireRestaurant(UUID caller) {
        if (!restaurantId.equals(caller)) {
            throw new OrderNotFoundException(orderId);
        }
    }

    private void require(OrderStatus expected, String action) {
        if (status != expected) {
            throw new OrderStateConflictException(status, action);
        }
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        restaurantId = event.restaurantId();
        total = event.total();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(PaymentAuthorizedForOrder event) {
        status = OrderStatus.AWAITING_RESTAURANT;
    }

    @EventSourcingHandler
    void on(OrderAcceptedByRestaurant event) {
        status = OrderStatus.PREPARING;
    }

    @EventSourcingHandler
    void on(OrderReadyForPickup event) {
        status = OrderStatus.READY_FOR_PICKUP;
    }

    @EventSourcingHandler
    void on(CourierAssignedToOrder event) {
        courierId = event.courierId();
    }

    @EventSourcingHandler
    void on(CourierUnassignedFromOrder event) {
        courierId = null;
    }

    @EventSourcingHandler
    void on(OrderPickedUp event) {
        status = OrderStatus.OUT_FOR_DELIVERY;
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderPaymentCaptured event) {
        paymentCaptured = true;
        paymentAttention = null;
    }

    @EventSourcingHandler
    void on(PaymentNeedsAttention event) {
        paymentAttention = event.reason();
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refunds.put(event.refundId(), event.amount());
        pendingRefunds.put(event.refundId(), event.amount());
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        pendingRefunds.remove(event.refundId());
        refundedMinor = Math.addExact(refundedMinor, event.amount().amountMinor());
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        pendingRefunds.remove(event.refundId());
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }
}
