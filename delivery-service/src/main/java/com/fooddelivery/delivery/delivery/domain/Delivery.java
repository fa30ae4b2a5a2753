package com.fooddelivery.delivery.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The delivery of one order: the offers made to couriers, the courier who accepted, pickup and drop-off. Every time
 * ({@code now}) comes from the caller, who reads it from the database clock so that all instances agree.
 *
 * <p>Every change (including the creation) counts one more {@link #sequence()} and is recorded as a
 * {@link DeliveryUpdate} until the caller {@linkplain #takeUpdates() takes} it to announce it. A method that changes
 * nothing records nothing.
 */
public final class Delivery {

    private final UUID id;
    private final UUID orderId;
    private final UUID restaurantId;
    private final String restaurantName;
    private final GeoPoint pickup;
    private final Address dropoff;
    private final Instant requestedAt;
    private Instant waitingSince;
    private DeliveryStatus status;
    private UUID courierId;
    private CourierPosition courierPosition;
    private Instant pickedUpAt;
    private Instant overdueSince;
    private final List<Offer> offers;
    private long sequence;
    private Instant updatedAt;
    private final List<DeliveryUpdate> updates = new ArrayList<>();

    /**
     * Rebuilds a stored delivery.
     *
     * @param waitingSince when it last began to wait for a courier: when requested, or when a courier lost it
     * @param courierPosition the courier's position as last announced, null before
     * @param pickedUpAt when the courier picked the food up, null before
     * @param overdueSince when it was flagged as out for delivery too long, null if not
     * @param offers its whole offer history
     * @param sequence the number of its last announced update
     * @param updatedAt when it last changed
     */
    public Delivery(
            UUID id,
            UUID orderId,
            UUID restaurantId,
            String restaurantName,
            GeoPoint pickup,
            Address dropoff,
            Instant requestedAt,
            Instant waitingSince,
            DeliveryStatus status,
            UUID courierId,
            CourierPosition courierPosition,
            Instant pickedUpAt,
            Instant overdueSince,
            List<Offer> offers,
            long sequence,
            Instant updatedAt) {
        this.id = id;
        this.orderId = orderId;
        this.restaurantId = restaurantId;
        this.restaurantName = restaurantName;
        this.pickup = pickup;
        this.dropoff = dropoff;
        this.requestedAt = requestedAt;
        this.waitingSince = waitingSince;
        this.status = status;
        this.courierId = courierId;
        this.courierPosition = courierPosition;
        this.pickedUpAt = pickedUpAt;
        this.overdueSince = overdueSince;
        this.offers = new ArrayList<>(offers);
        this.sequence = sequence;
        this.updatedAt = updatedAt;
    }

    public static Delivery requested(
            UUID id,
            UUID orderId,
            UUID restaurantId,
            String restaurantName,
            GeoPoint pickup,
            Address dropoff,
            Instant now) {
        Delivery delivery = new Delivery(
                id,
                orderId,
                restaurantId,
                restaurantName,
                pickup,
                dropoff,
                now,
                now,
                DeliveryStatus.WAITING,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                now);
        delivery.changed(now);
        return delivery;
    }

    /** Offers the delivery to {@code courier} until {@code now + timeout}; only while waiting. */
    public Offer offerTo(UUID offerId, UUID courier, Instant now, Duration timeout) {
        require(DeliveryStatus.WAITING, "offer");
        if (refusedBy().contains(courier)) {
            throw new IllegalArgumentException("Courier " + courier + " already refused delivery " + id);
        }
        Offer offer = Offer.open(offerId, courier, now, now.plus(timeout));
        offers.add(offer);
        status = DeliveryStatus.OFFERED;
        changed(now);
        return offer;
    }

    /**
     * The offered courier takes the delivery, if the offer has not expired.
     *
     * @param lastKnown the courier's last reported position, or null if unknown
     */
    public void accept(UUID courier, Instant now, CourierPosition lastKnown) {
        Offer offer = openOfferOf(courier);
        if (offer.expiredAt(now)) {
            throw new IllegalDeliveryStateException(status, "accept", offer.expiresAt());
        }
        close(offer, OfferStatus.ACCEPTED, now);
        courierId = courier;
        status = DeliveryStatus.ASSIGNED;
        see(lastKnown);
        changed(now);
    }

    /** The offered courier says no; the delivery waits for the next courier. */
    public void decline(UUID courier, Instant now) {
        close(openOfferOf(courier), OfferStatus.DECLINED, now);
        status = DeliveryStatus.WAITING;
        changed(now);
    }

    /** @return true if the open offer had run out and now counts as refused by its courier */
    public boolean expireOffer(Instant now) {
        Optional<Offer> open = openOffer();
        if (open.isEmpty() || !open.get().expiredAt(now)) {
            return false;
        }
        close(open.get(), OfferStatus.EXPIRED, now);
        status = DeliveryStatus.WAITING;
        changed(now);
        return true;
    }

    /** @param lastKnown the courier's last reported position, or null if unknown */
    public void pickUp(UUID courier, Instant now, CourierPosition lastKnown) {
        requireConcerns(courier);
        require(DeliveryStatus.ASSIGNED, "pick up");
        status = DeliveryStatus.PICKED_UP;
        pickedUpAt = now;
        see(lastKnown);
        changed(now);
    }

    /** @param lastKnown the courier's last reported position, or null if unknown */
    public void deliver(UUID courier, Instant now, CourierPosition lastKnown) {
        requireConcerns(courier);
        require(DeliveryStatus.PICKED_UP, "deliver");
        status = DeliveryStatus.DELIVERED;
        see(lastKnown);
        changed(now);
    }

    /**
     * The courier has the food but cannot hand it over (customer unreachable, address not found, ...): the delivery
     * ends {@code FAILED} and the order is cancelled.
     *
     * @param lastKnown the courier's last reported position, or null if unknown
     */
    public void failAfterPickup(UUID courier, Instant now, CourierPosition lastKnown) {
        requireConcerns(courier);
        require(DeliveryStatus.PICKED_UP, "report cannot deliver");
        status = DeliveryStatus.FAILED;
        see(lastKnown);
        changed(now);
    }

    /**
     * Flags the delivery as out too long once it has been picked up {@code overdueAfter} ago and is still not
     * delivered. Once: a flagged delivery stays flagged until it ends.
     *
     * @return true if it was flagged now
     */
    public boolean flagIfOutLongerThan(Duration overdueAfter, Instant now) {
        if (status != DeliveryStatus.PICKED_UP || overdueSince != null || now.isBefore(pickedUpAt.plus(overdueAfter))) {
            return false;
        }
        overdueSince = now;
        changed(now);
        return true;
    }

    /**
     * The courier of this delivery reports a position while it is under way (ASSIGNED or PICKED_UP). Apps report
     * every few seconds, and a read model showing a courier on a map and an arrival time needs far fewer updates, so
     * a report counts as a change only if the delivery's last change is at least {@code minInterval} old; otherwise
     * it is dropped here (the courier's own record still has it, and the next change picks it up). A report that
     * is not newer than the last change (a late transaction) never counts.
     *
     * @return true if the report changed the delivery (and is recorded as an update)
     */
    public boolean reportCourierPosition(UUID courier, CourierPosition reported, Duration minInterval) {
        if (!underWay() || !courier.equals(courierId)) {
            return false;
        }
        if (reported.at().isBefore(updatedAt.plus(minInterval))
                || !reported.at().isAfter(updatedAt)) {
            return false;
        }
        courierPosition = reported;
        changed(reported.at());
        return true;
    }

    public enum CancelOutcome {
        /** Cancelled now: an open offer was withdrawn, an assigned courier released. */
        CANCELLED,
        /** Was cancelled before, or failed after pickup: nobody is delivering it; nothing changed. */
        ALREADY_CANCELLED,
        /** The courier has the food (or delivered it): too late to cancel; nothing changed. */
        REFUSED
    }

    public CancelOutcome cancel(Instant now) {
        return switch (status) {
            case CANCELLED, FAILED -> CancelOutcome.ALREADY_CANCELLED;
            case PICKED_UP, DELIVERED -> CancelOutcome.REFUSED;
            case WAITING, OFFERED, ASSIGNED, GAVE_UP -> {
                openOffer().ifPresent(offer -> close(offer, OfferStatus.WITHDRAWN, now));
                status = DeliveryStatus.CANCELLED;
                changed(now);
                yield CancelOutcome.CANCELLED;
            }
        };
    }

    /**
     * @return true if the delivery has waited {@code giveUpAfter} without a courier and nobody holds an offer. The
     *     wait starts again when a courier loses the delivery ({@link #takeAwayFromCourier}).
     */
    public boolean giveUpIfWaitedLongerThan(Duration giveUpAfter, Instant now) {
        if (status != DeliveryStatus.WAITING || now.isBefore(waitingSince.plus(giveUpAfter))) {
            return false;
        }
        status = DeliveryStatus.GAVE_UP;
        changed(now);
        return true;
    }

    /**
     * Whether the assigned courier has lost the delivery: not picked up within {@code pickupTimeout} of accepting, or
     * not heard from for {@code silenceTimeout} (their last report, or the acceptance if that is later). Only before
     * pickup: once the courier has the food, nobody else can bring it.
     *
     * @param lastReport when the courier last reported a position, or null if never
     */
    public Optional<CourierLoss> courierLost(
            Instant lastReport, Instant now, Duration silenceTimeout, Duration pickupTimeout) {
        if (status != DeliveryStatus.ASSIGNED) {
            return Optional.empty();
        }
        Instant acceptedAt = acceptedOffer().closedAt();
        if (!now.isBefore(acceptedAt.plus(pickupTimeout))) {
            return Optional.of(CourierLoss.NO_PICKUP_IN_TIME);
        }
        Instant lastHeard = lastReport != null && lastReport.isAfter(acceptedAt) ? lastReport : acceptedAt;
        if (!now.isBefore(lastHeard.plus(silenceTimeout))) {
            return Optional.of(CourierLoss.COURIER_SILENT);
        }
        return Optional.empty();
    }

    /**
     * Takes the delivery away from its assigned courier, before pickup: their accepted offer counts as abandoned (they
     * are not asked again for it), and the delivery waits for the next courier, its give-up clock started anew.
     *
     * @return the courier who lost it
     */
    public UUID takeAwayFromCourier(Instant now) {
        require(DeliveryStatus.ASSIGNED, "take away");
        UUID lost = courierId;
        close(acceptedOffer(), OfferStatus.ABANDONED, now);
        courierId = null;
        courierPosition = null;
        status = DeliveryStatus.WAITING;
        waitingSince = now;
        changed(now);
        return lost;
    }

    /** Couriers who declined or let an offer of this delivery expire. */
    public Set<UUID> refusedBy() {
        return offers.stream()
                .filter(offer -> offer.status().refused())
                .map(Offer::courierId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<Offer> openOffer() {
        return offers.stream().filter(Offer::isOpen).findFirst();
    }

    /** Whether the courier may see this delivery: it is offered to them now, or it is theirs. */
    public boolean concerns(UUID courier) {
        return courier.equals(courierId)
                || openOffer().map(offer -> offer.courierId().equals(courier)).orElse(false);
    }

    /**
     * Refuses a courier action on a delivery that is not theirs to act on: 409 if it was taken away from them, else
     * 404, as if it did not exist.
     */
    public void requireConcerns(UUID courier) {
        if (concerns(courier)) {
            return;
        }
        boolean lostIt = offers.stream()
                .anyMatch(offer -> offer.courierId().equals(courier) && offer.status() == OfferStatus.ABANDONED);
        throw lostIt ? new DeliveryTakenAwayException(id) : new DeliveryNotFoundException(id);
    }

    private Offer acceptedOffer() {
        return offers.stream()
                .filter(offer -> offer.status() == OfferStatus.ACCEPTED
                        && offer.courierId().equals(courierId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Delivery " + id + " is assigned without an accepted offer"));
    }

    private Offer openOfferOf(UUID courier) {
        requireConcerns(courier);
        return openOffer()
                .filter(offer -> offer.courierId().equals(courier))
                .orElseThrow(() -> new IllegalDeliveryStateException(status, "answer an offer", null));
    }

    private void require(DeliveryStatus expected, String action) {
        if (status != expected) {
            throw new IllegalDeliveryStateException(status, action, null);
        }
    }

    private void close(Offer offer, OfferStatus outcome, Instant now) {
        offers.set(offers.indexOf(offer), offer.close(outcome, now));
    }

    /** ASSIGNED or PICKED_UP: a courier is on the way to the restaurant or to the customer. */
    public boolean underWay() {
        return status == DeliveryStatus.ASSIGNED || status == DeliveryStatus.PICKED_UP;
    }

    /**
     * The updates recorded since the last call, oldest first; they are handed out once. Whoever stores the delivery
     * announces them in the same transaction.
     */
    public List<DeliveryUpdate> takeUpdates() {
        List<DeliveryUpdate> taken = List.copyOf(updates);
        updates.clear();
        return taken;
    }

    /** A position the courier reported outside {@link #reportCourierPosition}, taken along with the next change. */
    private void see(CourierPosition lastKnown) {
        if (lastKnown != null && lastKnown.isNewerThan(courierPosition)) {
            courierPosition = lastKnown;
        }
    }

    private void changed(Instant now) {
        sequence++;
        // Never backwards: a transaction that started earlier may take the row lock after a later one.
        if (now.isAfter(updatedAt)) {
            updatedAt = now;
        }
        updates.add(new DeliveryUpdate(sequence, status, courierId, courierPosition, overdueSince, updatedAt));
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID restaurantId() {
        return restaurantId;
    }

    public String restaurantName() {
        return restaurantName;
    }

    public GeoPoint pickup() {
        return pickup;
    }

    public Address dropoff() {
        return dropoff;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** When it last began to wait for a courier: when requested, or when a courier lost it. */
    public Instant waitingSince() {
        return waitingSince;
    }

    public DeliveryStatus status() {
        return status;
    }

    /** The courier who accepted, once assigned. */
    public Optional<UUID> courierId() {
        return Optional.ofNullable(courierId);
    }

    /** The courier's position as last taken into account, once a courier is assigned and their position known. */
    public Optional<CourierPosition> courierPosition() {
        return Optional.ofNullable(courierPosition);
    }

    /** When the courier picked the food up, once they have. */
    public Optional<Instant> pickedUpAt() {
        return Optional.ofNullable(pickedUpAt);
    }

    /** When it was flagged as out for delivery too long, if it was. */
    public Optional<Instant> overdueSince() {
        return Optional.ofNullable(overdueSince);
    }

    /** The number of the delivery's last update: 1 once created, one more for each change. */
    public long sequence() {
        return sequence;
    }

    /** When the delivery last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Offer> offers() {
        return List.copyOf(offers);
    }
}
