package com.fooddelivery.messaging.relay;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether this instance leads the relay, whether its relay streams, and how far it lags. A standby is healthy. A
 * leader is down once it has not relayed for the stall timeout (changes wait and Kafka acknowledged nothing, or the
 * engine will not run), with the reason; a restart of a failed engine within that time is not an outage.
 */
public class OutboxRelayHealthIndicator implements HealthIndicator {

    private final RelayLeaderElection election;
    private final OutboxRelay relay;
    private final ReplicationSlot slot;
    private final Duration stallTimeout;

    public OutboxRelayHealthIndicator(
            RelayLeaderElection election, OutboxRelay relay, ReplicationSlot slot, Duration stallTimeout) {
        this.election = election;
        this.relay = relay;
        this.slot = slot;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public Health health() {
        boolean leader = election.isLeader();
        Duration stalled = election.stalledFor();
        boolean down = leader && stalled.compareTo(stallTimeout) >= 0;
        Health.Builder health = down ? Health.down() : Health.up();
        health.withDetail("role", leader ? "leader" : "standby")
                .withDetail("streaming", relay.isRunning())
                .withDetail("slot", slot.name())
                .withDetail("oldestUnrelayedAgeMs", relay.oldestUnrelayedAge().toMillis());
        if (down) {
            String failure = relay.lastFailure();
            health.withDetail(
                    "reason",
                    "nothing relayed for " + stalled.toSeconds() + " s" + (failure == null ? "" : ": " + failure));
        }
        Long lag = slot.lagBytes();
        if (lag != null) {
            health.withDetail("slotLagBytes", lag);
        }
        Instant last = relay.lastRelayedAt();
        if (last != null) {
            health.withDetail(
                    "lastRelayedAgoMs", Duration.between(last, Instant.now()).toMillis());
        }
        String resignation = election.lastResignation();
        if (resignation != null) {
            health.withDetail("lastResignation", resignation);
        }
        return health.build();
    }
}
