package com.fooddelivery.load;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The reads profile's mix: how often each read of the three apps comes, as relative weights ({@code -Dload.reads.<read>}
 * settings). An arriving virtual user makes exactly one read, drawn by {@link #pick}: so the arrival rate is the read
 * rate.
 */
record ReadMix(Map<Read, Double> weights) {

    /** The reads of the apps, each with the setting that weighs it and its default weight. */
    enum Read {
        /** The customer's tracking screen: {@code GET /orders/{id}}, with {@code If-None-Match} once it has an ETag. */
        TRACKING("tracking", 55),
        /** The customer's order list: {@code GET /customers/me/orders}. */
        MY_ORDERS("myOrders", 10),
        /** The restaurant dashboard's queue: {@code GET /restaurants/{id}/orders}. */
        RESTAURANT_QUEUE("restaurantQueue", 10),
        /** The courier's jobs: {@code GET /couriers/me/deliveries}. */
        COURIER_JOBS("courierJobs", 10),
        /** A restaurant's page and menu: {@code GET /restaurants/{id}}, with {@code If-None-Match} once it has one. */
        MENU("menu", 10),
        /** The customer's search: {@code GET /restaurants/search?cuisine=..&lat=..&lon=..&radiusKm=10}. */
        SEARCH("search", 5);

        final String setting;
        final double defaultWeight;

        Read(String setting, double defaultWeight) {
            this.setting = setting;
            this.defaultWeight = defaultWeight;
        }
    }

    ReadMix {
        EnumMap<Read, Double> all = new EnumMap<>(Read.class);
        for (Read read : Read.values()) {
            double weight = weights.getOrDefault(read, 0.0);
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException(
                        "load.reads." + read.setting + " must be a weight of 0 or more, not " + weight);
            }
            all.put(read, weight);
        }
        if (all.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("the reads mix needs at least one load.reads.<read> weight above 0");
        }
        weights = Map.copyOf(all);
    }

    static ReadMix defaults() {
        Map<Read, Double> weights = new EnumMap<>(Read.class);
        for (Read read : Read.values()) {
            weights.put(read, read.defaultWeight);
        }
        return new ReadMix(weights);
    }

    /** Weights from {@code -Dload.reads.<read>}, the defaults for those not given. */
    static ReadMix fromSystemProperties() {
        Map<Read, Double> weights = new EnumMap<>(Read.class);
        for (Read read : Read.values()) {
            String value = System.getProperty("load.reads." + read.setting);
            weights.put(read, value == null || value.isBlank() ? read.defaultWeight : Double.parseDouble(value.trim()));
        }
        return new ReadMix(weights);
    }

    /** The read whose slice of [0, 1) holds {@code uniform}, each slice as wide as its share of the weights. */
    Read pick(double uniform) {
        if (!(uniform >= 0 && uniform < 1)) {
            throw new IllegalArgumentException("not in [0, 1): " + uniform);
        }
        double total = total();
        double upTo = 0;
        Read last = null;
        for (Read read : Read.values()) {
            double weight = weights.get(read);
            if (weight == 0) {
                continue;
            }
            upTo += weight / total;
            last = read;
            if (uniform < upTo) {
                return read;
            }
        }
        return last; // rounding: the sum of the shares can fall short of 1 by an ulp
    }

    double share(Read read) {
        return weights.get(read) / total();
    }

    /** For the summary: {@code tracking 55 %, myOrders 10 %, ...} in the enum's order, weights of 0 left out. */
    String describe() {
        StringJoiner shares = new StringJoiner(", ");
        for (Read read : Read.values()) {
            if (weights.get(read) > 0) {
                shares.add(String.format(Locale.ROOT, "%s %.1f %%", read.setting, share(read) * 100));
            }
        }
        return shares.toString();
    }

    private double total() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
