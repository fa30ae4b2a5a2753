package com.fooddelivery.contracts.common;

public record DeliveryAddress(String line1, String city, double lat, double lon) {}
