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
        RateSteps intake,
        ReadsSetup reads,
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
        SOAK,
        /** Reads only, at a constant rate of reads/s, of orders and deliveries made before the clock starts. */
        READS;

        static Profile of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A stepped arrival rate ({@link Profile#INTAKE}, or {@link Profile#READS} with {@code load.reads.stepRate}):
     * {@code levels} levels of {@code levelDuration}, from {@code startRate} a second up by {@code stepRate} each time,
     * {@code rampBetween} between two levels. A level breaks when the {@code percentile} of its response times is over
     * {@code limit}, or a request failed.
     */
    record RateSteps(
            double startRate,
            double stepRate,
            int levels,
            Duration levelDuration,
            Duration rampBetween,
            double percentile,
            Duration limit) {

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

    /**
     * The {@link Profile#READS} profile: the mix of reads, and what the setup makes for them to read. {@code orders}
     * are placed (customer by customer in turn) and paid for; {@code acceptedShare} of them are accepted by their
     * restaurant and taken by a courier (at most one per courier), and {@code pickedUpShare} of those are marked ready
     * and picked up. {@code newScreenShare} of the conditional reads (tracking, menu) come from an app that has just
     * opened the screen and so has no ETag yet; the others send the last ETag seen. Before the load, the CPU of every
     * process is measured for {@code idle} with nothing asked of it, so that the summary can tell the reads' cost from
     * the background's. {@code steps}: null for a constant rate ({@code load.rate}), else the stepped rate.
     */
    record ReadsSetup(
            ReadMix mix,
            int orders,
            double acceptedShare,
            double pickedUpShare,
            double newScreenShare,
            Duration idle,
            RateSteps steps) {

        ReadsSetup {
            for (double share : new double[] {acceptedShare, pickedUpShare, newScreenShare}) {
                if (!(share >= 0 && share <= 1)) {
                    throw new IllegalArgumentException("a share of the reads setup must be within [0, 1]: " + share);
                }
            }
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
        RateSteps intake = new RateSteps(
                number("load.intake.startRate", 10),
                number("load.intake.stepRate", 10),
                integer("load.intake.levels", 30),
                seconds("load.intake.levelSeconds", 20),
                seconds("load.intake.rampSeconds", 2),
                99,
                Duration.ofMillis(integer("load.intake.p99LimitMillis", 100)));
        // Reads at a stepped rate when a step is given: to find the highest rate whose p95 stays under the limit.
        double readsStep = number("load.reads.stepRate", 0);
        RateSteps readSteps = profile == Profile.READS && readsStep > 0
                ? new RateSteps(
                        number("load.reads.startRate", 50),
                        readsStep,
                        integer("load.reads.levels", 10),
                        seconds("load.reads.levelSeconds", 20),
                        seconds("load.reads.rampSeconds", 2),
                        95,
                        Duration.ofMillis(integer("load.reads.p95LimitMillis", 300)))
                : null;
        RateSteps steps = profile == Profile.INTAKE ? intake : readSteps;
        double peakRate = steps != null ? steps.rateOfLevel(steps.levels() - 1) : rate;
        // Each customer must stay well below the per-client rate limit (20 requests/s by default, a fixed one-second
        // window). Followed through its whole lifecycle an order costs its customer about fourteen requests, and they
        // bunch up: a dashboard accepts all waiting orders at once. Measured: 10 customers at 4 orders/s got 171 429s
        // in 3,414 long-polls; so ten customers per order/s. Intake customers only place, follow until paid and
        // cancel: four requests, two customers per order/s are enough. Reads: a customer makes about 80 % of the
        // reads / customers a second (tracking, list, menu, search), a restaurant's staff and a courier a tenth of the
        // rate among them; one customer per 5 reads/s keeps each account near 4 requests/s.
        int customers = integer("load.customers", (int) Math.max(
                20,
                Math.ceil(
                        switch (profile) {
                            case INTAKE -> peakRate * 2;
                            case READS -> peakRate / 5;
                            default -> rate * 10;
                        })));
        // At most 50: one page of the customers' search lists them all.
        int restaurants = integer("load.restaurants", (int)
                Math.max(2, Math.min(50, Math.ceil(profile == Profile.READS ? rate / 25 : rate / 2))));
        int couriers = integer(
                "load.couriers",
                switch (profile) {
                    case INTAKE -> 0;
                    case READS -> (int) Math.max(10, Math.ceil(peakRate / 10));
                    default -> couriersNeeded;
                });
        ReadsSetup reads = new ReadsSetup(
                ReadMix.fromSystemProperties(),
                integer("load.reads.orders", 2 * customers),
                number("load.reads.acceptedShare", 0.5),
                number("load.reads.pickedUpShare", 0.5),
                number("load.reads.newScreenShare", 0.1),
                seconds("load.reads.idleSeconds", 10),
                readSteps);
        return new LoadSettings(
                profile,
                System.getProperty("load.host", "127.0.0.1"),
                port("load.orderPort", "FD_ORDER_PORT", 8081),
                port("load.deliveryPort", "FD_DELIVERY_PORT", 8083),
                port("load.queryPort", "FD_QUERY_PORT", 8084),
                rate,
                seconds("load.rampSeconds", profile == Profile.RUSH || profile == Profile.SOAK ? 20 : 0),
                steps != null ? steps.total() : duration,
                customers,
                restaurants,
                couriers,
                prep,
                ride,
                Duration.ofMillis(integer("load.dashboardMillis", 1000)),
                Duration.ofMillis(integer("load.courierPollMillis", 1000)),
                seconds("load.followTimeoutSeconds", 180),
                seconds("load.drainTimeoutSeconds", 120),
                intake,
                reads,
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
        return profile != Profile.INTAKE && profile != Profile.READS;
    }

    private static double defaultRate(Profile profile) {
        return switch (profile) {
            case SMOKE -> 1;
            case INTAKE -> 0; // the steps decide
            case RUSH -> 20;
            case SOAK -> 5;
            case READS -> 50;
        };
    }

    private static int defaultDuration(Profile profile) {
        return switch (profile) {
            case SMOKE -> 30;
            case INTAKE -> 0; // the steps decide
            case RUSH -> 300;
            case SOAK -> 3600;
            case READS -> 60;
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
