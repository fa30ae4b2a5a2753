package com.fooddelivery.delivery.delivery.domain;

import java.time.Instant;
import java.util.Objects;

/** Where a courier's app last said the courier was, and when (the database clock at the report). */
public record CourierPosition(GeoPoint position, Instant at) {

    public CourierPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
    }

    boolean isNewerThan(CourierPosition other) {
        return other == null || at.isAfter(other.at);
    }
}
