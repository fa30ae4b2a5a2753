package com.fooddelivery.delivery.delivery.domain;

import java.util.UUID;

/** An online courier holding neither an offer nor an active delivery, at their last known position. */
public record AvailableCourier(UUID courierId, GeoPoint position) {}
