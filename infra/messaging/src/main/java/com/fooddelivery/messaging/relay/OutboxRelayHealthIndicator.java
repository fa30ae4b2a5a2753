package com.fooddelivery.messaging.relay;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether this instance leads the relay, whether its relay streams, and how far it lags. A standby is healthy; a
 * leader whose relay is not streaming is not.
 */
public class OutboxRelayHealthIndicator implements HealthIndicator {

    private final RelayLeaderElection election;
    private final OutboxRelay relay;
    private final ReplicationSlot slot;

    public OutboxRelayHealthIndicator(RelayLeaderElection election, OutboxRelay relay, ReplicationSlot slot) {
        this.election = election;
        this.relay = relay;
        this.slot = slot;
    }

    @Override
    public Health health() {
        boolean leader = election.isLeader();
        Health.Builder health = leader && !relay.isRunning() ? Health.down() : Health.up();
        health.withDetail("role", leader ? "leader" : "standby")
                .withDetail("streaming", relay.isRunning())
                .withDetail("slot", slot.name());
        Long lag = slot.lagBytes();
        if (lag != null) {
            health.withDetail("slotLagBytes", lag);
        }
        Instant last = relay.lastRelayedAt();
        if (last != null) {
            health.withDetail(
                    "lastRelayedAgoMs", Duration.between(last, Instant.now()).toMillis());
        }
        return health.build();
    }
}
