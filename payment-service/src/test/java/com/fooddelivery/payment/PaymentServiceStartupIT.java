package com.fooddelivery.payment;

import com.fooddelivery.testsupport.OutboxRelayHealthContract;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bare service on real PostgreSQL and Kafka: it starts, leads its outbox relay and reports healthy. */
@ServiceIntegrationTest
class PaymentServiceStartupIT implements OutboxRelayHealthContract {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        // Kafka is shared: never join the real service's consumer group, never answer commands sent before the test.
        registry.add("spring.kafka.consumer.group-id", () -> "payment-startup-it-" + UUID.randomUUID());
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
    }

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }
}
