package com.fooddelivery.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the reads profile's apps remember and what they were answered. Each app keeps the last ETag it saw of an order
 * or a menu and sends it as {@code If-None-Match}, except an app that has just opened the screen (a share of the
 * conditional reads, {@code load.reads.newScreenShare}): so most conditional reads are answered {@code 304}, as they
 * would be for a screen polling an order that changes a few times an hour. Answers are counted by request name and
 * status, {@code 0} for no answer.
 */
final class ReadAnswers {

    private final double newScreenShare;
    private final Map<String, String> lastEtag = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, LongAdder>> byRequest = new ConcurrentHashMap<>();

    ReadAnswers(double newScreenShare) {
        this.newScreenShare = newScreenShare;
    }

    /**
     * The {@code If-None-Match} to send when reading {@code resource}, or null: a screen just opened ({@code uniform},
     * in [0, 1), below the share of new screens) or a resource never read.
     */
    String ifNoneMatch(String resource, double uniform) {
        return uniform < newScreenShare ? null : lastEtag.get(resource);
    }

    /** One answer to {@code request}: its status ({@code 0} if none) and ETag (null if none) of {@code resource}. */
    void answered(String request, String resource, int status, String etag) {
        byRequest
                .computeIfAbsent(request, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, any -> new LongAdder())
                .increment();
        if (resource != null && etag != null && !etag.isBlank()) {
            lastEtag.put(resource, etag);
        }
    }

    long total() {
        return byRequest.values().stream()
                .flatMap(statuses -> statuses.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
    }

    /** Request name → status (as text, JSON's keys) → count, both sorted. */
    Map<String, Map<String, Long>> results() {
        Map<String, Map<String, Long>> results = new TreeMap<>();
        byRequest.forEach((request, statuses) -> {
            Map<String, Long> counts = new TreeMap<>();
            statuses.forEach((status, count) -> counts.put(Integer.toString(status), count.sum()));
            results.put(request, counts);
        });
        return results;
    }
}
