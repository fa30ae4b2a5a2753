package com.fooddelivery.contracts.common;

public record GeoPoint(double lat, double lon) {}
