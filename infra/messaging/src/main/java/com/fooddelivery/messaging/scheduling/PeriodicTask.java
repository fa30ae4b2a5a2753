package com.fooddelivery.messaging.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@code work} every {@code interval} (after the previous run ends) on one thread of its own, from the context's
 * start to its stop. A run that throws is logged and the next one comes as planned; a run in flight at stop is given
 * {@link #STOP_GRACE} to finish its transaction before the connection pool closes. The sweepers and pruners of every
 * service are one of these.
 */
public class PeriodicTask implements SmartLifecycle {

    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private volatile ScheduledExecutorService scheduler;

    /** @param name the thread's name, and how failures are logged */
    public PeriodicTask(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name));
        scheduler.scheduleWithFixedDelay(
                this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private void runQuietly() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; running again in {}", name, interval, e);
        }
    }
}
