package com.fooddelivery.query.order.query;

import com.fooddelivery.query.order.projection.OrderDocument;
import java.util.List;

/** One page of orders, with how many match in total. */
public record OrderPage(List<OrderDocument> orders, int page, int size, long totalOrders) {}
