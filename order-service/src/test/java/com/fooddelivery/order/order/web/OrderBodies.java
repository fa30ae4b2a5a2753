package com.fooddelivery.order.order.web;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Order requests the web tests place: one masala dosa (120.00 INR) at Saravana Bhavan, paid by UPI. */
final class OrderBodies {

    static final String SARAVANA_BHAVAN = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderBodies() {}

    static String oneDosa() {
        return JSON.writeValueAsString(Map.of(
                "restaurantId",
                SARAVANA_BHAVAN,
                "items",
                List.of(Map.of("itemId", "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21", "quantity", 1)),
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
    }
}
