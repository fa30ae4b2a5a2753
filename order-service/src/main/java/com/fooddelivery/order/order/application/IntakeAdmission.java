package com.fooddelivery.order.order.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes back at the door when the payment leg falls behind, instead of accepting orders that would then be
 * rejected for PAYMENT_TIMEOUT although the provider answers in time. The measure is how long the oldest order has
 * waited for its payment answer (a partial index makes it one row read); while it exceeds
 * {@code order.intake.max-payment-wait}, new orders get 503 with Retry-After, and the backlog drains. It is read at
 * most once per check interval, by one request while the others use the last reading; every instance reads the same
 * table, so they all close and open together.
 */
@Component
public class IntakeAdmission {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IntakeSettings settings;
    private final Counter refused;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Duration oldestPaymentWait = Duration.ZERO;
    private volatile Instant readAt = Instant.MIN;

    IntakeAdmission(JdbcTemplate jdbc, Clock clock, IntakeSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.refused = Counter.builder("orders.intake.refused")
                .description("New orders refused with 503 because payments fell behind")
                .register(meters);
        Gauge.builder(
                        "orders.intake.oldest.payment.wait",
                        this,
                        admission -> admission.oldestPaymentWait.toMillis() / 1000.0)
                .description("Seconds the oldest order placed has waited for its payment answer, as last read")
                .baseUnit("seconds")
                .register(meters);
    }

    /** @throws IntakeSaturatedException while the oldest order has waited too long for its payment answer */
    public void admit() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(settings.checkInterval())) && reading.compareAndSet(false, true)) {
            try {
                oldestPaymentWait = readOldestPaymentWait(now);
                readAt = now;
            } finally {
                reading.set(false);
            }
        }
        Duration waited = oldestPaymentWait;
        if (waited.compareTo(settings.maxPaymentWait()) > 0) {
            refused.increment();
            throw new IntakeSaturatedException(settings.retryAfter(), waited);
        }
    }

    private Duration readOldestPaymentWait(Instant now) {
        Timestamp oldest = jdbc.queryForObject(
                "select min(status_since) from order_snapshot where status = 'PENDING'", Timestamp.class);
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration waited = Duration.between(oldest.toInstant(), now);
        return waited.isNegative() ? Duration.ZERO : waited;
    }
}
