package com.fooddelivery.delivery.delivery.infrastructure;

import com.fooddelivery.delivery.delivery.application.DeliveryService;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code delivery.sweep-interval}: moves expired offers on to the next courier, takes deliveries away from
 * assigned couriers who went silent or did not pick up in time, flags deliveries out too long, re-offers waiting deliveries (a courier may have come
 * online or finished a delivery) and gives up those that waited too long. Safe with several
 * instances: each delivery is handled in its own transaction under a {@code for update skip locked} row lock, and
 * expiry is judged by the database clock.
 */
class OfferSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfferSweeper.class);
    private static final int BATCH = 100;

    private final DeliveryService deliveries;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    OfferSweeper(DeliveryService deliveries, Duration interval) {
        this.deliveries = deliveries;
        this.interval = interval;
    }

    void sweep() {
        for (UUID delivery : deliveries.withExpiredOffer(BATCH)) {
            deliveries.expireOffer(delivery);
        }
        for (UUID delivery : deliveries.withCourierLost(BATCH)) {
            deliveries.takeAwayIfCourierLost(delivery);
        }
        for (UUID delivery : deliveries.overdue(BATCH)) {
            deliveries.flagIfOverdue(delivery);
        }
        for (UUID delivery : deliveries.waiting(BATCH)) {
            deliveries.retryWaiting(delivery);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "offer-sweeper"));
        scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            // A sweep in flight finishes its transaction before the connection pool closes.
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
            log.warn("Sweeping offers failed; retrying in {}", interval, e);
        }
    }
}
