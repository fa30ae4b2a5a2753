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
 */
public final class Delivery {

    private final UUID id;
    private final UUID orderId;
    private final UUID restaurantId;
    private final String restaurantName;
    private final GeoPoint pickup;
    private final Address dropoff;
    private final Instant requestedAt;
    private DeliveryStatus status;
    private UUID courierId;
    private final List<Offer> offers;

    /** Rebuilds a stored delivery; {@code offers} is its whole offer history. */
    public Delivery(
            UUID id,
            UUID orderId,
            UUID restaurantId,
            String restaurantName,
            GeoPoint pickup,
            Address dropoff,
            Instant requestedAt,
            DeliveryStatus status,
            UUID courierId,
            List<Offer> offers) {
        this.id = id;
        this.orderId = orderId;
        this.restaurantId = restaurantId;
        this.restaurantName = restaurantName;
        this.pickup = pickup;
        this.dropoff = dropoff;
        this.requestedAt = requestedAt;
        this.status = status;
        this.courierId = courierId;
        this.offers = new ArrayList<>(offers);
    }

    public static Delivery requested(
            UUID id,
            UUID orderId,
            UUID restaurantId,
            String restaurantName,
            GeoPoint pickup,
            Address dropoff,
            Instant now) {
        return new Delivery(
                id,
                orderId,
                restaurantId,
                restaurantName,
                pickup,
                dropoff,
                now,
                DeliveryStatus.WAITING,
                null,
                List.of());
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
        return offer;
    }

    /** The offered courier takes the delivery, if the offer has not expired. */
    public void accept(UUID courier, Instant now) {
        Offer offer = openOfferOf(courier);
        if (offer.expiredAt(now)) {
            throw new IllegalDeliveryStateException(status, "accept", "the offer expired at " + offer.expiresAt());
        }
        close(offer, OfferStatus.ACCEPTED, now);
        courierId = courier;
        status = DeliveryStatus.ASSIGNED;
    }

    /** The offered courier says no; the delivery waits for the next courier. */
    public void decline(UUID courier, Instant now) {
        close(openOfferOf(courier), OfferStatus.DECLINED, now);
        status = DeliveryStatus.WAITING;
    }

    /** @return true if the open offer had run out and now counts as refused by its courier */
    public boolean expireOffer(Instant now) {
        Optional<Offer> open = openOffer();
        if (open.isEmpty() || !open.get().expiredAt(now)) {
            return false;
        }
        close(open.get(), OfferStatus.EXPIRED, now);
        status = DeliveryStatus.WAITING;
        return true;
    }

    public void pickUp(UUID courier) {
        requireAssignedTo(courier);
        require(DeliveryStatus.ASSIGNED, "pick up");
        status = DeliveryStatus.PICKED_UP;
    }

    public void deliver(UUID courier) {
        requireAssignedTo(courier);
        require(DeliveryStatus.PICKED_UP, "deliver");
        status = DeliveryStatus.DELIVERED;
    }

    public enum CancelOutcome {
        /** Cancelled now: an open offer was withdrawn, an assigned courier released. */
        CANCELLED,
        /** Was cancelled before; nothing changed. */
        ALREADY_CANCELLED,
        /** The courier has the food (or delivered it): too late to cancel; nothing changed. */
        REFUSED
    }

    public CancelOutcome cancel(Instant now) {
        return switch (status) {
            case CANCELLED -> CancelOutcome.ALREADY_CANCELLED;
            case PICKED_UP, DELIVERED -> CancelOutcome.REFUSED;
            case WAITING, OFFERED, ASSIGNED, GAVE_UP -> {
                openOffer().ifPresent(offer -> close(offer, OfferStatus.WITHDRAWN, now));
                status = DeliveryStatus.CANCELLED;
                yield CancelOutcome.CANCELLED;
            }
        };
    }

    /** @return true if the delivery has waited {@code giveUpAfter} without a courier and nobody holds an offer */
    public boolean giveUpIfWaitedLongerThan(Duration giveUpAfter, Instant now) {
        if (status != DeliveryStatus.WAITING || now.isBefore(requestedAt.plus(giveUpAfter))) {
            return false;
        }
        status = DeliveryStatus.GAVE_UP;
        return true;
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

    private Offer openOfferOf(UUID courier) {
        if (!concerns(courier)) {
            throw new DeliveryNotFoundException(id);
        }
        return openOffer()
                .filter(offer -> offer.courierId().equals(courier))
                .orElseThrow(() -> new IllegalDeliveryStateException(status, "answer an offer", null));
    }

    private void requireAssignedTo(UUID courier) {
        if (!concerns(courier)) {
            throw new DeliveryNotFoundException(id);
        }
    }

    private void require(DeliveryStatus expected, String action) {
        if (status != expected) {
            throw new IllegalDeliveryStateException(status, action, null);
        }
    }

    private void close(Offer offer, OfferStatus outcome, Instant now) {
        offers.set(offers.indexOf(offer), offer.close(outcome, now));
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

    public DeliveryStatus status() {
        return status;
    }

    /** The courier who accepted, once assigned. */
    public Optional<UUID> courierId() {
        return Optional.ofNullable(courierId);
    }

    public List<Offer> offers() {
        return List.copyOf(offers);
    }
}
