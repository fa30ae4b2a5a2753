package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.payment.payment.application.ProviderCallRunner;
import com.fooddelivery.payment.payment.application.ProviderCalls;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code payment.calls.sweep-interval}: makes the provider calls that are due again after getting no answer,
 * and those an instance claimed and never finished (it stopped or died; its lease ran out). Safe with several
 * instances: each call is claimed under its payment's row lock before it is made.
 */
class ProviderCallSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallSweeper.class);
    private static final int BATCH = 100;

    private final ProviderCalls calls;
    private final ProviderCallRunner runner;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    ProviderCallSweeper(ProviderCalls calls, ProviderCallRunner runner, Duration interval) {
        this.calls = calls;
        this.runner = runner;
        this.interval = interval;
    }

    void sweep() {
        for (UUID orderId : calls.ordersWithDueCalls(BATCH)) {
            runner.runDue(orderId);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "provider-calls"));
        scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            // A call in flight records its outcome before the connection pool closes; its lease covers the rest.
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping provider calls failed; retrying in {}", interval, e);
        }
    }
}
