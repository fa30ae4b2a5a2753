package com.fooddelivery.order.order.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order, event-sourced. Command handlers check the rules and apply events; only event-sourcing handlers change
 * state. The unique (order id, sequence) of its event stream makes it the arbiter of concurrent changes.
 */
@Aggregate
public class Order {

    @AggregateIdentifier
    private UUID orderId;

    protected Order() {
        // for Axon: rebuilt from its events
    }

    /** Prices the order from the restaurant's current menu; client prices are never trusted. */
    @CommandHandler
    public Order(PlaceOrder command, Menus menus, Clock clock) {
        Menu menu = menus.find(command.restaurantId())
                .orElseThrow(() -> new OrderNotAcceptedException(
                        OrderNotAcceptedException.Reason.UNKNOWN_RESTAURANT,
                        "Restaurant %s does not exist".formatted(command.restaurantId())));
        var placedAt = clock.instant();
        PricedOrder priced = menu.price(command.items(), placedAt);
        apply(new OrderPlacedEvent(
                command.orderId(),
                command.customerId(),
                command.restaurantId(),
                priced.restaurantName(),
                priced.lines(),
                priced.total(),
                command.paymentMethod(),
                command.deliveryAddress(),
                placedAt));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
    }
}
