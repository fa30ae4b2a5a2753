package com.fooddelivery.delivery;

import com.fooddelivery.testsupport.OutboxRelayHealthContract;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The bare service on real PostgreSQL and Kafka: it starts, leads its outbox relay and reports healthy. */
@ServiceIntegrationTest
class DeliveryServiceStartupIT implements OutboxRelayHealthContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }
}
