package com.fooddelivery.delivery.delivery.application;

import com.fooddelivery.delivery.delivery.domain.AvailableCourier;
import com.fooddelivery.delivery.delivery.domain.CourierPosition;
import com.fooddelivery.delivery.delivery.domain.Delivery;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.delivery.delivery.domain.Offer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Deliveries and their offers, with the row locks that make two service instances safe. */
public interface DeliveryRepository {

    /** The database clock: every instance measures offer expiry and waiting time against it. */
    Instant now();

    /** @return false, storing nothing, if the order already has a delivery */
    boolean insert(Delivery delivery, Conversation conversation);

    /** Loads and locks the delivery for the rest of the transaction. */
    Optional<Delivery> lock(UUID deliveryId);

    Optional<Delivery> lockByOrder(UUID orderId);

    /** Loads and locks the delivery the courier is carrying now (ASSIGNED or PICKED_UP), if any. */
    Optional<Delivery> lockUnderWayWith(UUID courierId);

    /** Like {@link #lock}, but empty at once if another transaction holds the delivery. */
    Optional<Delivery> tryLock(UUID deliveryId);

    Conversation conversationOf(UUID deliveryId);

    /**
     * Records {@code offer} as the delivery's open offer unless its courier already holds an open offer (taken by a
     * concurrent transaction since the courier was found available).
     */
    boolean reserve(UUID deliveryId, Offer offer);

    /** Stores the delivery's state (with its sequence and the courier position it carries) and its offers. */
    void save(Delivery delivery);

    /** The courier's last reported position, as their own record holds it. */
    Optional<CourierPosition> positionOf(UUID courierId);

    /**
     * Up to {@code limit} online couriers holding neither an open offer nor an assigned or picked-up delivery, and not
     * {@code excluded}, roughly nearest {@code pickup} first (rank them exactly with {@code NearestCourier}).
     */
    List<AvailableCourier> nearestAvailableCouriers(GeoPoint pickup, Set<UUID> excluded, int limit);

    /** Deliveries whose open offer has expired by the database clock, oldest first. */
    List<UUID> withExpiredOffer(int limit);

    /**
     * Assigned deliveries not picked up whose courier accepted at least {@code pickupTimeout} ago, or was last heard
     * from (report or acceptance) at least {@code silenceTimeout} ago, by the database clock; longest assigned first.
     */
    List<UUID> withCourierLost(Duration silenceTimeout, Duration pickupTimeout, int limit);

    /** Picked-up deliveries not delivered {@code overdueAfter} after pickup and not yet flagged, oldest first. */
    List<UUID> overdue(Duration overdueAfter, int limit);

    /** How many picked-up deliveries are flagged overdue now. */
    long overdueNow();

    /** The courier is no longer offered deliveries until their app says they are available again. */
    void takeOffline(UUID courierId);

    /** Deliveries without a courier and without an open offer, oldest first. */
    List<UUID> waiting(int limit);

    /** The delivery offered to the courier right now, if the offer has not expired. */
    Optional<Delivery> offeredTo(UUID courierId);
}
