package com.fooddelivery.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code intake} profile's verdict, level by level of its stepped arrival rate: the {@code POST /orders} response
 * times and failures of each level (samples taken while the rate ramps between two levels are left out). A level
 * breaks when its p99 is over the limit or any POST failed; the run is stopped then, and the report names the last
 * level that held and the one that broke.
 */
final class IntakeLevels {

    private final LoadSettings.IntakeSteps steps;
    private final Map<Integer, ConcurrentLinkedQueue<Long>> millisByLevel = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> failuresByLevel = new ConcurrentHashMap<>();
    private volatile long startNanos;
    private volatile Integer brokenLevel;

    IntakeLevels(LoadSettings.IntakeSteps steps) {
        this.steps = steps;
    }

    void start() {
        start(System.nanoTime());
    }

    void start(long startNanos) {
        this.startNanos = startNanos;
    }

    /** One {@code POST /orders}, sent at {@code sentNanos}. */
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
        return level == null ? "intake held" : "intake broke at " + steps.rateOfLevel(level) + " orders/s";
    }

    private boolean broke(int level) {
        List<Long> sorted = sorted(level);
        AtomicInteger failures = failuresByLevel.get(level);
        return (failures != null && failures.get() > 0)
                || (!sorted.isEmpty()
                        && OrderTracker.percentile(sorted, 99)
                                > steps.p99Limit().toMillis());
    }

    private List<Long> sorted(int level) {
        List<Long> sorted = new ArrayList<>(millisByLevel.getOrDefault(level, new ConcurrentLinkedQueue<>()));
        sorted.sort(null);
        return sorted;
    }

    Map<String, Object> results() {
        List<Map<String, Object>> levels = new ArrayList<>();
        Integer lastHeld = null;
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
            row.put("p99", OrderTracker.percentile(sorted, 99));
            row.put("broke", broke);
            levels.add(row);
            if (!broke && (brokenLevel == null || level < brokenLevel)) {
                lastHeld = level;
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("p99LimitMillis", steps.p99Limit().toMillis());
        results.put("levels", levels);
        results.put("lastHeldRate", lastHeld == null ? null : steps.rateOfLevel(lastHeld));
        results.put("brokeAtRate", brokenLevel == null ? null : steps.rateOfLevel(brokenLevel));
        return results;
    }
}
