package com.fooddelivery.delivery.delivery.application;

import com.fooddelivery.contracts.delivery.CourierAssigned;
import com.fooddelivery.contracts.delivery.CourierRequestCancelled;
import com.fooddelivery.contracts.delivery.CourierUnassigned;
import com.fooddelivery.contracts.delivery.DeliveryDelivered;
import com.fooddelivery.contracts.delivery.DeliveryFailed;
import com.fooddelivery.contracts.delivery.DeliveryPickedUp;
import com.fooddelivery.contracts.delivery.NoCourierAvailable;
import com.fooddelivery.delivery.delivery.domain.ArrivalEstimate;
import com.fooddelivery.delivery.delivery.domain.AvailableCourier;
import com.fooddelivery.delivery.delivery.domain.CourierPosition;
import com.fooddelivery.delivery.delivery.domain.Delivery;
import com.fooddelivery.delivery.delivery.domain.DeliveryNotFoundException;
import com.fooddelivery.delivery.delivery.domain.DeliveryStatus;
import com.fooddelivery.delivery.delivery.domain.DeliveryUpdate;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.delivery.delivery.domain.NearestCourier;
import com.fooddelivery.delivery.delivery.domain.Offer;
import com.fooddelivery.delivery.delivery.domain.OfferStatus;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds couriers for orders and follows each delivery to the door. Every state change is stored in the same
 * transaction as the messages announcing it (outbox); the delivery row is locked for the whole change. Each change
 * is announced to read models as a DeliveryUpdated with the complete state (see {@link #store}), and to the
 * order's saga by the reply events it waits for (CourierAssigned, DeliveryPickedUp, ...).
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final OutboxWriter outbox;
    private final DeliverySettings settings;
    private final DeliveryUpdates updates;
    private final MeterRegistry meters;

    DeliveryService(
            DeliveryRepository deliveries, OutboxWriter outbox, DeliverySettings settings, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.settings = settings;
        this.meters = meters;
        this.updates =
                new DeliveryUpdates(new ArrivalEstimate(settings.tracking().averageSpeedKmh()));
    }

    /**
     * Creates the order's delivery and offers it to the nearest available courier. A repeated request for the same
     * order creates nothing and answers the delivery's current state (nothing while a courier is still sought).
     */
    @Transactional
    public void request(NewDelivery request, MessageContext context) {
        Instant now = deliveries.now();
        Delivery delivery = Delivery.requested(
                UUID.randomUUID(),
                request.orderId(),
                request.restaurantId(),
                request.restaurantName(),
                request.pickup(),
                request.dropoff(),
                now);
        if (deliveries.insert(delivery, new Conversation(context.correlationId(), context.traceparent()))) {
            dispatch(delivery, now, context);
            return;
        }
        Delivery existing = deliveries.lockByOrder(request.orderId()).orElseThrow();
        log.info("Repeated courier request for order {}: delivery is {}", request.orderId(), existing.status());
        answerCurrentState(existing, now, context);
    }

    /**
     * Stops looking for a courier, or releases the assigned one. Refused once the food is picked up: then nothing
     * changes and nothing is answered (the order is on its way; the saga learns of it from DeliveryPickedUp).
     */
    @Transactional
    public void cancel(UUID orderId, MessageContext context) {
        Instant now = deliveries.now();
        Optional<Delivery> found = deliveries.lockByOrder(orderId);
        if (found.isEmpty()) {
            // Nothing was ever requested: nobody is looking, which is what the sender wants to hear.
            outbox.send(orderId.toString(), new CourierRequestCancelled(orderId), now, context);
            return;
        }
        Delivery delivery = found.get();
        switch (delivery.cancel(now)) {
            case CANCELLED -> {
                store(delivery, context);
                outbox.send(orderId.toString(), new CourierRequestCancelled(orderId), now, context);
            }
            case ALREADY_CANCELLED ->
                outbox.send(orderId.toString(), new CourierRequestCancelled(orderId), now, context);
            case REFUSED ->
                log.warn(
                        "Refused to cancel the courier request of order {}: delivery {} is already {}",
                        orderId,
                        delivery.id(),
                        delivery.status());
        }
    }

    /** The offer the courier holds now, if any. */
    @Transactional(readOnly = true)
    public Optional<Delivery> currentOfferOf(UUID courierId) {
        return deliveries.offeredTo(courierId);
    }

    @Transactional
    public Delivery accept(UUID deliveryId, UUID courierId) {
        Instant now = deliveries.now();
        Delivery delivery = lockFor(deliveryId, courierId);
        delivery.accept(courierId, now, lastKnownPosition(courierId));
        MessageContext context = causeIn(delivery);
        store(delivery, context);
        outbox.send(
                delivery.orderId().toString(),
                new CourierAssigned(delivery.orderId(), delivery.id(), courierId),
                now,
                context);
        return delivery;
    }

    /** The courier says no: the delivery goes to the next-nearest courier not yet asked, or waits for one. */
    @Transactional
    public void decline(UUID deliveryId, UUID courierId) {
        Instant now = deliveries.now();
        Delivery delivery = lockFor(deliveryId, courierId);
        delivery.decline(courierId, now);
        dispatch(delivery, now, deliveries.conversationOf(deliveryId).newCause());
    }

    @Transactional
    public Delivery pickUp(UUID deliveryId, UUID courierId) {
        Instant now = deliveries.now();
        Delivery delivery = lockFor(deliveryId, courierId);
        delivery.pickUp(courierId, now, lastKnownPosition(courierId));
        MessageContext context = causeIn(delivery);
        store(delivery, context);
        outbox.send(
                delivery.orderId().toString(),
                new DeliveryPickedUp(delivery.orderId(), delivery.id(), courierId),
                now,
                context);
        return delivery;
    }

    @Transactional
    public Delivery deliver(UUID deliveryId, UUID courierId) {
        Instant now = deliveries.now();
        Delivery delivery = lockFor(deliveryId, courierId);
        delivery.deliver(courierId, now, lastKnownPosition(courierId));
        MessageContext context = causeIn(delivery);
        store(delivery, context);
        outbox.send(
                delivery.orderId().toString(),
                new DeliveryDelivered(delivery.orderId(), delivery.id(), courierId),
                now,
                context);
        return delivery;
    }

    /**
     * The courier has the food and cannot hand it over: the delivery ends FAILED and the saga cancels the order
     * (DeliveryFailed). The courier is free for the next delivery.
     *
     * @param note the courier's own words, or null
     */
    @Transactional
    public Delivery cannotDeliver(UUID deliveryId, UUID courierId, DeliveryFailed.Reason reason, String note) {
        Instant now = deliveries.now();
        Delivery delivery = lockFor(deliveryId, courierId);
        delivery.failAfterPickup(courierId, now, lastKnownPosition(courierId));
        MessageContext context = causeIn(delivery);
        store(delivery, context);
        log.warn("Courier {} could not deliver delivery {}: {} {}", courierId, deliveryId, reason, note);
        meters.counter("delivery.deliveries.failed", "reason", reason.name()).increment();
        outbox.send(
                delivery.orderId().toString(),
                new DeliveryFailed(delivery.orderId(), delivery.id(), courierId, reason, note),
                now,
                context);
        return delivery;
    }

    /**
     * A courier reported where they are (location or availability call), in the transaction that stored the report.
     * If they carry a delivery, it takes the position and announces it, unless its last update is younger than
     * {@code delivery.tracking.min-interval} (see {@link Delivery#reportCourierPosition}).
     */
    @Transactional
    public void courierReported(UUID courierId, GeoPoint position) {
        Instant now = deliveries.now();
        deliveries.lockUnderWayWith(courierId).ifPresent(delivery -> {
            if (delivery.reportCourierPosition(
                    courierId,
                    new CourierPosition(position, now),
                    settings.tracking().minInterval())) {
                store(delivery, causeIn(delivery));
            }
        });
    }

    /** Deliveries whose offer has run out, for the sweeper. */
    @Transactional(readOnly = true)
    public List<UUID> withExpiredOffer(int limit) {
        return deliveries.withExpiredOffer(limit);
    }

    /** Assigned deliveries whose courier went silent or did not pick up in time, for the sweeper. */
    @Transactional(readOnly = true)
    public List<UUID> withCourierLost(int limit) {
        return deliveries.withCourierLost(settings.courierSilenceTimeout(), settings.pickupTimeout(), limit);
    }

    /**
     * Takes the delivery away from an assigned courier who went silent or did not pick up in time, tells the saga
     * (CourierUnassigned, before any later CourierAssigned on the order's partition) and offers it to the next
     * courier. The silent courier goes offline: a dead phone must not be offered the next delivery. Rechecked under
     * the row lock, so a pickup that came first wins.
     */
    @Transactional
    public void takeAwayIfCourierLost(UUID deliveryId) {
        deliveries.tryLock(deliveryId).ifPresent(delivery -> {
            UUID courier = delivery.courierId().orElse(null);
            if (courier == null) {
                return;
            }
            Instant now = deliveries.now();
            Instant lastReport =
                    deliveries.positionOf(courier).map(CourierPosition::at).orElse(null);
            delivery.courierLost(lastReport, now, settings.courierSilenceTimeout(), settings.pickupTimeout())
                    .ifPresent(loss -> {
                        delivery.takeAwayFromCourier(now);
                        deliveries.takeOffline(courier);
                        log.warn("Courier {} lost delivery {} before pickup ({})", courier, delivery.id(), loss);
                        meters.counter("delivery.couriers.lost", "reason", loss.name())
                                .increment();
                        MessageContext context =
                                deliveries.conversationOf(deliveryId).newCause();
                        outbox.send(
                                delivery.orderId().toString(),
                                new CourierUnassigned(
                                        delivery.orderId(),
                                        delivery.id(),
                                        courier,
                                        CourierUnassigned.Reason.valueOf(loss.name())),
                                now,
                                context);
                        dispatch(delivery, now, context);
                    });
        });
    }

    /** Picked-up deliveries out longer than {@code delivery.overdue-after} and not yet flagged, for the sweeper. */
    @Transactional(readOnly = true)
    public List<UUID> overdue(int limit) {
        return deliveries.overdue(settings.overdueAfter(), limit);
    }

    /**
     * Flags a delivery out too long: announced with {@code overdueSince} (order tracking shows it), counted and
     * logged, so a person calls the courier or the customer. Nothing else changes: only this courier has the food.
     */
    @Transactional
    public void flagIfOverdue(UUID deliveryId) {
        deliveries.tryLock(deliveryId).ifPresent(delivery -> {
            Instant now = deliveries.now();
            if (delivery.flagIfOutLongerThan(settings.overdueAfter(), now)) {
                log.warn(
                        "Delivery {} of order {} picked up at {} is not delivered after {}",
                        delivery.id(),
                        delivery.orderId(),
                        delivery.pickedUpAt().orElseThrow(),
                        settings.overdueAfter());
                meters.counter("delivery.overdue.flagged").increment();
                store(delivery, causeIn(delivery));
            }
        });
    }

    /** Deliveries waiting for a courier, for the sweeper. */
    @Transactional(readOnly = true)
    public List<UUID> waiting(int limit) {
        return deliveries.waiting(limit);
    }

    /**
     * Ends an expired offer and asks the next courier. A delivery held by another instance is skipped: that
     * instance is handling it.
     */
    @Transactional
    public void expireOffer(UUID deliveryId) {
        deliveries.tryLock(deliveryId).ifPresent(delivery -> {
            Instant now = deliveries.now();
            if (delivery.expireOffer(now)) {
                log.info("Offer of delivery {} expired", delivery.id());
                dispatch(delivery, now, deliveries.conversationOf(deliveryId).newCause());
            }
        });
    }

    /** Offers a waiting delivery again (a courier may have come online), or gives up once it waited too long. */
    @Transactional
    public void retryWaiting(UUID deliveryId) {
        deliveries
                .tryLock(deliveryId)
                .filter(delivery -> delivery.status() == DeliveryStatus.WAITING)
                .ifPresent(delivery -> dispatch(
                        delivery,
                        deliveries.now(),
                        deliveries.conversationOf(deliveryId).newCause()));
    }

    /** For a WAITING delivery: give up if it waited too long, else offer it to the nearest courier not yet asked. */
    private void dispatch(Delivery delivery, Instant now, MessageContext context) {
        if (delivery.giveUpIfWaitedLongerThan(settings.giveUpAfter(), now)) {
            store(delivery, context);
            log.warn("No courier accepted delivery {} within {}; giving up", delivery.id(), settings.giveUpAfter());
            outbox.send(
                    delivery.orderId().toString(),
                    new NoCourierAvailable(
                            delivery.orderId(),
                            "No courier accepted the delivery within " + settings.giveUpAfter() + " ("
                                    + delivery.refusedBy().size() + " declined or let the offer expire)"),
                    now,
                    context);
            return;
        }
        List<AvailableCourier> candidates = deliveries.nearestAvailableCouriers(
                delivery.pickup(), delivery.refusedBy(), settings.offerCandidates());
        for (UUID courier : NearestCourier.rank(delivery.pickup(), candidates, delivery.refusedBy())) {
            Offer offer = new Offer(
                    UUID.randomUUID(), courier, now, now.plus(settings.offerTimeout()), OfferStatus.OPEN, null);
            if (deliveries.reserve(delivery.id(), offer)) {
                delivery.offerTo(offer.id(), courier, now, settings.offerTimeout());
                log.info("Offered delivery {} to courier {}", delivery.id(), courier);
                break;
            }
        }
        store(delivery, context);
    }

    private void answerCurrentState(Delivery delivery, Instant now, MessageContext context) {
        String key = delivery.orderId().toString();
        switch (delivery.status()) {
            case ASSIGNED, PICKED_UP, DELIVERED, FAILED ->
                outbox.send(
                        key,
                        new CourierAssigned(
                                delivery.orderId(),
                                delivery.id(),
                                delivery.courierId().orElseThrow()),
                        now,
                        context);
            case GAVE_UP ->
                outbox.send(
                        key,
                        new NoCourierAvailable(delivery.orderId(), "No courier accepted the delivery in time"),
                        now,
                        context);
            case CANCELLED -> outbox.send(key, new CourierRequestCancelled(delivery.orderId()), now, context);
            case WAITING, OFFERED -> {
                // Still looking: the answer follows when a courier accepts or the search is given up.
            }
        }
    }

    private Delivery lockFor(UUID deliveryId, UUID courierId) {
        Delivery delivery = deliveries.lock(deliveryId).orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
        delivery.requireConcerns(courierId);
        return delivery;
    }

    /** A message caused by an HTTP call or a position report, in the delivery's conversation. */
    private MessageContext causeIn(Delivery delivery) {
        return deliveries.conversationOf(delivery.id()).newCause();
    }

    private CourierPosition lastKnownPosition(UUID courierId) {
        return deliveries.positionOf(courierId).orElse(null);
    }

    /**
     * The one way a delivery is stored: its row, then one DeliveryUpdated for each change it went through since it
     * was loaded (a decline that is offered on at once is two: WAITING, then OFFERED), in the caller's transaction.
     * A delivery that did not change is stored and announces nothing.
     */
    private void store(Delivery delivery, MessageContext context) {
        deliveries.save(delivery);
        for (DeliveryUpdate update : delivery.takeUpdates()) {
            outbox.send(delivery.orderId().toString(), updates.of(delivery, update), update.at(), context);
        }
    }
}
