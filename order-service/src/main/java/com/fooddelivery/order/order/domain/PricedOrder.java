package com.fooddelivery.order.order.domain;

import java.util.List;

public record PricedOrder(String restaurantName, List<OrderLine> lines, Money total) {}
