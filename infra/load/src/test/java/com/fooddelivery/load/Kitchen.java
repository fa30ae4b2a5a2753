package com.fooddelivery.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a restaurant dashboard remembers between two reads of its queue: the orders it accepted and when. The queue is
 * a search (refreshed every 500 ms), so an order just accepted can still be listed as waiting; the dashboard does not
 * accept it twice, and marks an order ready once its preparation time has passed on its own clock.
 */
final class Kitchen {

    private final Duration prepTime;
    private final Map<String, Long> acceptedAtNanos = new ConcurrentHashMap<>();
    private final Map<String, Boolean> done = new ConcurrentHashMap<>();

    Kitchen(Duration prepTime) {
        this.prepTime = prepTime;
    }

    /** Of the orders the queue lists as waiting for the restaurant, those this dashboard has not accepted yet. */
    List<String> toAccept(List<String> waiting) {
        List<String> fresh = new ArrayList<>();
        for (String orderId : waiting) {
            if (!acceptedAtNanos.containsKey(orderId) && !done.containsKey(orderId)) {
                fresh.add(orderId);
            }
        }
        return fresh;
    }

    void accepted(String orderId) {
        acceptedAtNanos.put(orderId, System.nanoTime());
    }

    /** Accepted orders whose preparation time is over: the dashboard marks them ready now. */
    List<String> toMarkReady() {
        long now = System.nanoTime();
        List<String> ready = new ArrayList<>();
        acceptedAtNanos.forEach((orderId, acceptedAt) -> {
            if (now - acceptedAt >= prepTime.toNanos()) {
                ready.add(orderId);
            }
        });
        return ready;
    }

    /** Marked ready (or refused): forgotten, never accepted again. */
    void finished(String orderId) {
        acceptedAtNanos.remove(orderId);
        done.put(orderId, Boolean.TRUE);
    }
}
