package com.fooddelivery.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The verdict of a stepped arrival rate, level by level: the response times and failures of each level's requests
 * ({@code POST /orders} for {@code intake}, every read for {@code reads}; samples taken while the rate ramps between
 * two levels are left out). A level breaks when its percentile (p99 for intake, p95 for reads) is over the limit or
 * any request failed; the run is stopped then, and the report names the last level that held and the one that broke.
 */
final class RateLevels {

    private final LoadSettings.RateSteps steps;
    private final String name;
    private final String unit;
    private final Map<Integer, ConcurrentLinkedQueue<Long>> millisByLevel = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> failuresByLevel = new ConcurrentHashMap<>();
    private volatile long startNanos;
    private volatile Integer brokenLevel;

    /** Levels of the intake profile: {@code POST /orders} at orders/s. */
    RateLevels(LoadSettings.RateSteps steps) {
        this(steps, "intake", "orders/s");
    }

    /** @param name what the messages call the run, @param unit of the rate */
    RateLevels(LoadSettings.RateSteps steps, String name, String unit) {
        this.steps = steps;
        this.name = name;
        this.unit = unit;
    }

    void start() {
        start(System.nanoTime());
    }

    void start(long startNanos) {
        this.startNanos = startNanos;
    }

    /** One request, sent at {@code sentNanos}. */
    void record(long sentNanos, long millis, boolean failed) {
        long sinceStart = sentNanos - startNanos;
        long period = steps.period().toNanos();
        int level = (int) (sinceStart / period);
        if (sinceStart % period >= steps.levelDuration().toNanos() || level >= steps.levels()) {
            return; // ramping between two levels
        }
        millisByLevel
                .computeIfAbsent(level, any -> new ConcurrentLinkedQueue<>())
                .add(millis);
        if (failed) {
            failuresByLevel.computeIfAbsent(level, any -> new AtomicInteger()).incrementAndGet();
        }
        // A level is judged once the next one has started: by then its samples are in.
        if (level > 0 && brokenLevel == null && broke(level - 1)) {
            brokenLevel = level - 1;
        }
    }

    /** True once a level broke: the virtual users then stop the load generator. */
    boolean broken() {
        return brokenLevel != null;
    }

    String brokenMessage() {
        Integer level = brokenLevel;
        return level == null ? name + " held" : name + " broke at " + steps.rateOfLevel(level) + " " + unit;
    }

    private boolean broke(int level) {
        List<Long> sorted = sorted(level);
        AtomicInteger failures = failuresByLevel.get(level);
        return (failures != null && failures.get() > 0)
                || (!sorted.isEmpty()
                        && OrderTracker.percentile(sorted, steps.percentile())
                                > steps.limit().toMillis());
    }

    private List<Long> sorted(int level) {
        List<Long> sorted = new ArrayList<>(millisByLevel.getOrDefault(level, new ConcurrentLinkedQueue<>()));
        sorted.sort(null);
        return sorted;
    }

    Map<String, Object> results() {
        List<Map<String, Object>> levels = new ArrayList<>();
        Integer lastHeld = null;
        // The last level is judged only here, once the load is over: no next level started to judge it earlier.
        Integer firstBroken = brokenLevel;
        for (int level = 0; level < steps.levels(); level++) {
            List<Long> sorted = sorted(level);
            if (sorted.isEmpty()) {
                continue;
            }
            AtomicInteger failures = failuresByLevel.get(level);
            boolean broke = broke(level);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rate", steps.rateOfLevel(level));
            row.put("requests", sorted.size());
            row.put("failed", failures == null ? 0 : failures.get());
            row.put("p50", OrderTracker.percentile(sorted, 50));
            row.put("p95", OrderTracker.percentile(sorted, 95));
            row.put("p99", OrderTracker.percentile(sorted, 99));
            row.put("broke", broke);
            levels.add(row);
            if (broke && firstBroken == null) {
                firstBroken = level;
            }
            if (!broke && (firstBroken == null || level < firstBroken)) {
                lastHeld = level;
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("percentile", steps.percentile());
        results.put("limitMillis", steps.limit().toMillis());
        results.put("levels", levels);
        results.put("lastHeldRate", lastHeld == null ? null : steps.rateOfLevel(lastHeld));
        results.put("brokeAtRate", firstBroken == null ? null : steps.rateOfLevel(firstBroken));
        return results;
    }
}
