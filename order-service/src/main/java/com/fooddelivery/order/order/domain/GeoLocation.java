package com.fooddelivery.order.order.domain;

public record GeoLocation(double lat, double lon) {}
