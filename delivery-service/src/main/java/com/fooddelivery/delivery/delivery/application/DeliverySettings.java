package com.fooddelivery.delivery.delivery.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code delivery.*}.
 *
 * @param offerTimeout how long a courier has to answer an offer before it goes to the next courier
 * @param giveUpAfter how long a request may wait without an assigned courier before NoCourierAvailable is sent; the
 *     wait starts again when a courier loses the delivery
 * @param courierSilenceTimeout how long an assigned courier may go without a location report (or the acceptance)
 *     before pickup: then the delivery is taken away from them and offered to the next courier. Courier apps report
 *     every few seconds while on a job, so this much silence means a dead phone or a lost connection
 * @param overdueAfter how long after pickup an undelivered delivery is flagged as overdue ({@code overdueSince} on
 *     its DeliveryUpdated, a metric, a warning): a person should look at it
 * @param pickupTimeout how long after accepting an assigned courier may take to pick the food up before the delivery
 *     is taken away from them: long enough to wait at the restaurant for a long preparation
 * @param sweepInterval how often expired offers and waiting deliveries are looked at (also the latency of
 *     re-offering a waiting delivery once a courier comes online)
 * @param offerCandidates how many of the nearest available couriers a dispatch considers: enough to find one whose
 *     offer can be reserved when others are taken at the same moment, few enough that a dispatch costs the same
 *     however many couriers are online
 * @param tracking {@code delivery.tracking.*}: courier positions and arrival estimates published for read models
 */
@ConfigurationProperties("delivery")
public record DeliverySettings(
        @DefaultValue("30s") Duration offerTimeout,
        @DefaultValue("10m") Duration giveUpAfter,
        @DefaultValue("5m") Duration courierSilenceTimeout,
        @DefaultValue("60m") Duration pickupTimeout,
        @DefaultValue("45m") Duration overdueAfter,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("20") int offerCandidates,
        @DefaultValue Tracking tracking) {

    /**
     * @param minInterval the least time between a delivery's last DeliveryUpdated and one caused by a courier
     *     position report; closer reports update only the courier's record. Courier apps report every few seconds,
     *     a map and an arrival estimate need far fewer updates, and each one is a message every reader handles
     * @param averageSpeedKmh the speed of the straight-line arrival estimate (see {@code ArrivalEstimate})
     */
    public record Tracking(
            @DefaultValue("5s") Duration minInterval,
            @DefaultValue("20") double averageSpeedKmh) {

        public Tracking {
            if (minInterval.isNegative()) {
                throw new IllegalArgumentException("delivery.tracking.min-interval must not be negative");
            }
            if (!(averageSpeedKmh > 0) || Double.isInfinite(averageSpeedKmh)) {
                throw new IllegalArgumentException("delivery.tracking.average-speed-kmh must be positive");
            }
        }
    }
}
