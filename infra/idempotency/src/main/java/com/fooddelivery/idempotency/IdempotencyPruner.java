package com.fooddelivery.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes keys older than the retention, so the table holds about one day of state-changing requests. */
public class IdempotencyPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruner.class);
    private static final int BATCH = 10_000;

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public IdempotencyPruner(IdempotencyStore store, Clock clock, Duration retention, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** @return how many keys were deleted */
    public int prune() {
        return store.deleteClaimedBefore(clock.instant().minus(retention), BATCH);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "idempotency-pruner"));
        scheduler.scheduleWithFixedDelay(
                this::pruneQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private void pruneQuietly() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Pruned {} idempotency keys older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning idempotency keys failed; retrying in {}", interval, e);
        }
    }
}
