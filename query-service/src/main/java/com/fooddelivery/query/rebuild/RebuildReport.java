package com.fooddelivery.query.rebuild;

import java.time.Instant;
import java.util.List;

/** Where a rebuild is, or how it ended. */
public record RebuildReport(
        State state, Instant startedAt, Instant finishedAt, List<IndexReport> indices, String error) {

    public enum State {
        RUNNING,
        COMPLETED,
        FAILED
    }

    /**
     * One rebuilt index: the alias, the concrete index now behind it, how many events were replayed (each event once
     * from the beginning of the topic, plus those that arrived while it ran), how many could not be projected.
     */
    public record IndexReport(String alias, String index, long events, long unprojectable, long millis) {}
}
