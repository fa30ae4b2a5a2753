package com.fooddelivery.query.order.query;

import com.fooddelivery.query.order.projection.OrderDocument;
import java.util.List;
import java.util.Map;

/**
 * A restaurant dashboard's queue: the orders in the requested statuses, oldest first, and how many of the
 * restaurant's orders are in each status (all statuses, whatever was requested).
 */
public record RestaurantQueue(List<OrderDocument> orders, Map<String, Long> countsByStatus) {}
