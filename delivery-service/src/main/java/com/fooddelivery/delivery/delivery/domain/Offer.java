package com.fooddelivery.delivery.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** One courier asked to take one delivery, and how that ended. */
public record Offer(
        UUID id, UUID courierId, Instant offeredAt, Instant expiresAt, OfferStatus status, Instant closedAt) {

    static Offer open(UUID id, UUID courierId, Instant now, Instant expiresAt) {
        return new Offer(id, courierId, now, expiresAt, OfferStatus.OPEN, null);
    }

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    Offer close(OfferStatus outcome, Instant now) {
        return new Offer(id, courierId, offeredAt, expiresAt, outcome, now);
    }
}
