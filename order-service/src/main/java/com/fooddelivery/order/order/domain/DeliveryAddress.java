package com.fooddelivery.order.order.domain;

public record DeliveryAddress(String line1, String city, double lat, double lon) {}
