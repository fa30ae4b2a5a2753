package com.fooddelivery.delivery.delivery.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who to ask next: available couriers by great-circle distance from the pickup, nearest first. */
public final class NearestCourier {

    private NearestCourier() {}

    /**
     * @param refused couriers who already declined or let an offer of this delivery expire; they are not asked again
     * @return the couriers to try in order (the first may have been taken by a concurrent offer in the meantime)
     */
    public static List<UUID> rank(GeoPoint pickup, Collection<AvailableCourier> available, Set<UUID> refused) {
        return available.stream()
                .filter(courier -> !refused.contains(courier.courierId()))
                // Ties broken by id so that two instances rank alike.
                .sorted(Comparator.comparingDouble(
                                (AvailableCourier courier) -> courier.position().distanceKmTo(pickup))
                        .thenComparing(AvailableCourier::courierId))
                .map(AvailableCourier::courierId)
                .toList();
    }
}
