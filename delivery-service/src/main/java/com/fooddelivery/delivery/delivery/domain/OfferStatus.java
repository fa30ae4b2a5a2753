package com.fooddelivery.delivery.delivery.domain;

public enum OfferStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    /** The delivery was cancelled while the offer was open. */
    WITHDRAWN,
    /** Accepted, then lost before pickup: the courier went silent or did not pick up in time. */
    ABANDONED;

    /** A courier who declined, let the offer expire or abandoned the delivery is not asked again for it. */
    boolean refused() {
        return this == DECLINED || this == EXPIRED || this == ABANDONED;
    }
}
