package com.fooddelivery.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Everything a run can be told, as {@code -Dload.*} system properties ({@code infra/load/run} passes them through).
 * Each profile has its own defaults; any property given explicitly wins. Target ports default to those of
 * {@code infra/local/up}, honouring the same {@code FD_*_PORT} variables.
 */
record LoadSettings(
        Profile profile,
        String host,
        int orderPort,
        int deliveryPort,
        int queryPort,
        double ratePerSecond,
        Duration rampUp,
        Duration duration,
        int customers,
        int restaurants,
        int couriers,
        Duration prepTime,
        Duration rideTime,
        Duration dashboardInterval,
        Duration courierPollInterval,
        Duration followTimeout,
        Duration drainTimeout,
        IntakeSteps intake,
        String adminUsername,
        String adminPassword,
        Path runDirectory,
        Path pidDirectory) {

    /** What the arrivals do and how they arrive. */
    enum Profile {
        /** 30 s at 1 order/s through the whole lifecycle: CI's check that the load test and the system still work. */
        SMOKE,
        /** A stepped rise of the {@code POST /orders} rate until POST p99 exceeds 100 ms or a request fails. */
        INTAKE,
        /** A constant arrival rate through the whole lifecycle, restaurants and couriers acting at once. */
        RUSH,
        /** A moderate constant rate for an hour: leaks, growth of per-step cost, token renewal. */
        SOAK;

        static Profile of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The stepped ramp of {@link Profile#INTAKE}: {@code levels} levels of {@code levelDuration}, from
     * {@code startRate} orders/s up by {@code stepRate} each time, {@code rampBetween} between two levels.
     */
    record IntakeSteps(
            double startRate,
            double stepRate,
            int levels,
            Duration levelDuration,
            Duration rampBetween,
            Duration p99Limit) {

        double rateOfLevel(int level) {
            return startRate + level * stepRate;
        }

        Duration period() {
            return levelDuration.plus(rampBetween);
        }

        Duration total() {
            return levelDuration.multipliedBy(levels).plus(rampBetween.multipliedBy(levels - 1L));
        }
    }

    static LoadSettings fromSystemProperties() {
        Profile profile = Profile.of(System.getProperty("load.profile", "smoke"));
        double rate = number("load.rate", defaultRate(profile));
        Duration duration = seconds("load.durationSeconds", defaultDuration(profile));
        // Enough couriers that an order never waits for one: each is busy for about the food's preparation, the ride
        // and a few seconds of messages and polling.
        Duration prep = seconds("load.prepSeconds", 0);
        Duration ride = seconds("load.rideSeconds", 0);
        int couriersNeeded = (int) Math.ceil(rate * (prep.toSeconds() + ride.toSeconds() + 6)) + 2;
        IntakeSteps intake = new IntakeSteps(
                number("load.intake.startRate", 10),
                number("load.intake.stepRate", 10),
                integer("load.intake.levels", 30),
                seconds("load.intake.levelSeconds", 20),
                seconds("load.intake.rampSeconds", 2),
                Duration.ofMillis(integer("load.intake.p99LimitMillis", 100)));
        double peakRate = profile == Profile.INTAKE ? intake.rateOfLevel(intake.levels() - 1) : rate;
        return new LoadSettings(
                profile,
                System.getProperty("load.host", "127.0.0.1"),
                port("load.orderPort", "FD_ORDER_PORT", 8081),
                port("load.deliveryPort", "FD_DELIVERY_PORT", 8083),
                port("load.queryPort", "FD_QUERY_PORT", 8084),
                rate,
                seconds("load.rampSeconds", profile == Profile.RUSH || profile == Profile.SOAK ? 20 : 0),
                profile == Profile.INTAKE ? intake.total() : duration,
                // Each customer must stay well below the per-client rate limit (20 requests/s by default, a fixed
                // one-second window). Followed through its whole lifecycle an order costs its customer about fourteen
                // requests, and they bunch up: a dashboard accepts all waiting orders at once. Measured: 10 customers
                // at 4 orders/s got 171 429s in 3,414 long-polls; so ten customers per order/s. Intake customers only
                // place, follow until paid and cancel: four requests, two customers per order/s are enough.
                integer("load.customers", (int)
                        Math.max(20, Math.ceil(profile == Profile.INTAKE ? peakRate * 2 : rate * 10))),
                // At most 50: one page of the customers' search lists them all.
                integer("load.restaurants", (int) Math.max(2, Math.min(50, Math.ceil(rate / 2)))),
                integer("load.couriers", profile == Profile.INTAKE ? 0 : couriersNeeded),
                prep,
                ride,
                Duration.ofMillis(integer("load.dashboardMillis", 1000)),
                Duration.ofMillis(integer("load.courierPollMillis", 1000)),
                seconds("load.followTimeoutSeconds", 180),
                seconds("load.drainTimeoutSeconds", 120),
                intake,
                System.getProperty("load.adminUser", "admin"),
                System.getProperty("load.adminPassword", "demo-password"),
                Path.of(System.getProperty("load.runDir", "target/load-run")).toAbsolutePath(),
                Path.of(System.getProperty("load.pidDir", "../local/var/run")).toAbsolutePath());
    }

    URI orderService() {
        return URI.create("http://" + host + ":" + orderPort);
    }

    URI deliveryService() {
        return URI.create("http://" + host + ":" + deliveryPort);
    }

    URI queryService() {
        return URI.create("http://" + host + ":" + queryPort);
    }

    /** Whether restaurants and couriers take part (intake measures the door and the payment leg only). */
    boolean wholeLifecycle() {
        return profile != Profile.INTAKE;
    }

    private static double defaultRate(Profile profile) {
        return switch (profile) {
            case SMOKE -> 1;
            case INTAKE -> 0; // the steps decide
            case RUSH -> 20;
            case SOAK -> 5;
        };
    }

    private static int defaultDuration(Profile profile) {
        return switch (profile) {
            case SMOKE -> 30;
            case INTAKE -> 0; // the steps decide
            case RUSH -> 300;
            case SOAK -> 3600;
        };
    }

    private static int port(String property, String environment, int fallback) {
        String explicit = System.getProperty(property);
        if (explicit != null && !explicit.isBlank()) {
            return Integer.parseInt(explicit.trim());
        }
        String fromEnvironment = System.getenv(environment);
        return fromEnvironment == null || fromEnvironment.isBlank() ? fallback : Integer.parseInt(fromEnvironment);
    }

    private static Duration seconds(String property, int fallback) {
        return Duration.ofMillis(Math.round(number(property, fallback) * 1000));
    }

    private static double number(String property, double fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
    }

    private static int integer(String property, int fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
