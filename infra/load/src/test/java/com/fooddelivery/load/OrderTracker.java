package com.fooddelivery.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * What each customer saw of their order, on the load generator's clock: when they sent {@code POST /orders}, when
 * query-service first showed it, first showed it paid for ({@code AWAITING_RESTAURANT} or later), and showed it
 * {@code DELIVERED}. Customers follow by long-poll, which query-service answers as soon as it projects a change, so
 * these are the times an app would show them.
 */
final class OrderTracker {

    /** Statuses after the payment was authorized: seeing one of them means the payment leg is done. */
    static final Set<String> PAID =
            Set.of("AWAITING_RESTAURANT", "PREPARING", "READY_FOR_PICKUP", "OUT_FOR_DELIVERY", "DELIVERED");

    static final Set<String> FINAL = Set.of("DELIVERED", "REJECTED", "CANCELLED");

    private static final class Timeline {
        final long sentNanos;
        volatile long visibleNanos;
        volatile long paidNanos;
        volatile long deliveredNanos;
        volatile String lastStatus = "";

        Timeline(long sentNanos) {
            this.sentNanos = sentNanos;
        }
    }

    private final Map<String, Timeline> orders = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger following = new AtomicInteger();
    private final AtomicLong firstPlacedNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastPlacedNanos = new AtomicLong(Long.MIN_VALUE);

    void placed(String orderId, long sentNanos) {
        orders.put(orderId, new Timeline(sentNanos));
        firstPlacedNanos.accumulateAndGet(sentNanos, Math::min);
        lastPlacedNanos.accumulateAndGet(sentNanos, Math::max);
    }

    /** The customer's search or menu failed, so they never sent {@code POST /orders}. */
    void gaveUpBeforeOrdering() {
        gaveUp.incrementAndGet();
    }

    /** {@code POST /orders} answered anything but 202. */
    void refused() {
        refused.incrementAndGet();
    }

    /** A customer shows the order in {@code status}; true once the status is final. */
    boolean seen(String orderId, String status) {
        Timeline timeline = orders.get(orderId);
        if (timeline == null || status == null) {
            return false;
        }
        long now = System.nanoTime();
        if (timeline.visibleNanos == 0) {
            timeline.visibleNanos = now;
        }
        if (timeline.paidNanos == 0 && PAID.contains(status)) {
            timeline.paidNanos = now;
        }
        if (timeline.deliveredNanos == 0 && status.equals("DELIVERED")) {
            timeline.deliveredNanos = now;
        }
        timeline.lastStatus = status;
        return FINAL.contains(status);
    }

    void startedFollowing() {
        following.incrementAndGet();
    }

    void stoppedFollowing() {
        following.decrementAndGet();
    }

    /** Customers still following an order: restaurants and couriers keep working until this is 0. */
    int following() {
        return following.get();
    }

    int placedCount() {
        return orders.size();
    }

    int refusedCount() {
        return refused.get();
    }

    List<String> orderIds() {
        return List.copyOf(orders.keySet());
    }

    /** Orders placed per second between the first and the last {@code POST /orders} that was accepted. */
    double placedPerSecond() {
        long span = lastPlacedNanos.get() - firstPlacedNanos.get();
        return orders.size() < 2 || span <= 0 ? orders.size() : (orders.size() - 1) / (span / 1e9);
    }

    Map<String, Object> results() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("placed", orders.size());
        results.put("refused", refused.get());
        results.put("gaveUpBeforeOrdering", gaveUp.get());
        results.put("placedPerSecond", placedPerSecond());
        results.put("visible", interval(timeline -> timeline.visibleNanos));
        results.put("paid", interval(timeline -> timeline.paidNanos));
        results.put("delivered", interval(timeline -> timeline.deliveredNanos));
        Map<String, Integer> lastSeen = new LinkedHashMap<>();
        orders.values()
                .forEach(timeline -> lastSeen.merge(
                        timeline.lastStatus.isEmpty() ? "never seen" : timeline.lastStatus, 1, Integer::sum));
        results.put("lastSeenByCustomers", lastSeen);
        return results;
    }

    /** Percentiles of placed→moment over the orders that reached that moment, and how many did. */
    private Map<String, Object> interval(ToLongFunction<Timeline> moment) {
        List<Long> millis = new ArrayList<>();
        for (Timeline timeline : orders.values()) {
            long at = moment.applyAsLong(timeline);
            if (at != 0) {
                millis.add((at - timeline.sentNanos) / 1_000_000);
            }
        }
        Collections.sort(millis);
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("count", millis.size());
        if (!millis.isEmpty()) {
            interval.put("p50", percentile(millis, 50));
            interval.put("p95", percentile(millis, 95));
            interval.put("p99", percentile(millis, 99));
            interval.put("max", millis.getLast());
        }
        return interval;
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
