package com.fooddelivery.delivery.delivery.domain;

public enum OfferStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    /** The delivery was cancelled while the offer was open. */
    WITHDRAWN;

    /** A courier who declined or let the offer expire is not asked again for the same delivery. */
    boolean refused() {
        return this == DECLINED || this == EXPIRED;
    }
}
