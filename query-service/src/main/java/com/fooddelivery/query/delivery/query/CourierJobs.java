package com.fooddelivery.query.delivery.query;

import com.fooddelivery.query.delivery.projection.DeliveryDocument;
import java.util.List;

/** A courier's deliveries under way (at most one, normally) and their recently finished ones, newest first. */
public record CourierJobs(List<DeliveryDocument> active, List<DeliveryDocument> recent) {}
