package com.fooddelivery.order.order.messaging;

import com.fooddelivery.messaging.outbox.OutboxWriter;
import com.fooddelivery.order.order.domain.OrderEvents.OrderChange;
import com.fooddelivery.order.order.domain.OrderPlacedEvent;
import com.fooddelivery.order.shared.axon.AxonMessageContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes every change of the Order aggregate on {@code orders.events} with the order's complete state:
 * {@code OrderPlaced} first, then one {@code OrderStatusChanged} per later event. Runs in the unit of work that
 * applied the event (a subscribing processor), so the {@code order_snapshot} row it evolves and the outbox row commit
 * together with the event. The aggregate's sequence number travels with each message: readers keep the highest one.
 */
@Component
@ProcessingGroup("order-integration-events")
class OrderIntegrationEvents {

    private static final Logger log = LoggerFactory.getLogger(OrderIntegrationEvents.class);

    private final OutboxWriter outbox;
    private final OrderSnapshots snapshots;
    private final EventStore eventStore;

    OrderIntegrationEvents(OutboxWriter outbox, OrderSnapshots snapshots, EventStore eventStore) {
        this.outbox = outbox;
        this.snapshots = snapshots;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        OrderSnapshot snapshot = OrderSnapshot.placed(event, sequence);
        snapshots.save(snapshot);
        outbox.send(
                event.orderId().toString(), snapshot.toOrderPlaced(), event.placedAt(), AxonMessageContext.of(message));
    }

    @EventHandler
    void on(OrderChange change, @SequenceNumber long sequence, EventMessage<?> message) {
        changed(change.orderId(), change, sequence, message);
    }

    private void changed(UUID orderId, Object event, long sequence, EventMessage<?> message) {
        OrderSnapshot previous = snapshots.find(orderId).orElseGet(() -> rebuild(orderId, sequence));
        if (previous.sequence() >= sequence) {
            log.debug("Order {} event {} is already published; skipped", orderId, sequence);
            return;
        }
        Instant at = storedTimestamp(message);
        OrderSnapshot next = previous.apply(event, sequence, at);
        snapshots.save(next);
        outbox.send(orderId.toString(), next.toStatusChanged(), at, AxonMessageContext.of(message));
    }

    /**
     * The event's timestamp as the event store keeps it (milliseconds), so a snapshot rebuilt from stored events has
     * exactly the times that were published.
     */
    private static Instant storedTimestamp(EventMessage<?> message) {
        return message.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The snapshot before event {@code sequence}, folded from the order's stored events: for an order placed before
     * {@code order_snapshot} existed. The event being handled is already appended in this transaction, so it is left
     * out by its sequence.
     */
    private OrderSnapshot rebuild(UUID orderId, long sequence) {
        log.info("Order {} has no snapshot; rebuilding it from its events before sequence {}", orderId, sequence);
        OrderSnapshot snapshot = null;
        var events = eventStore.readEvents(orderId.toString());
        while (events.hasNext()) {
            DomainEventMessage<?> stored = events.next();
            if (stored.getSequenceNumber() >= sequence) {
                break;
            }
            snapshot = snapshot == null
                    ? OrderSnapshot.placed((OrderPlacedEvent) stored.getPayload(), stored.getSequenceNumber())
                    : snapshot.apply(stored.getPayload(), stored.getSequenceNumber(), storedTimestamp(stored));
        }
        if (snapshot == null) {
            throw new IllegalStateException("Order " + orderId + " has no events before sequence " + sequence);
        }
        return snapshot;
    }
}
