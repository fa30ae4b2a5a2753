package com.fooddelivery.delivery.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * delivery-service's command consumer as it first starts in production: a consumer group that has never committed an
 * offset, commands already waiting on {@code deliveries.commands}, and a request it can never carry out.
 */
@ServiceIntegrationTest
class DeliveryCommandsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Sent before the service (and its consumer group) exists. */
    private static final UUID EARLY_ORDER = UUID.randomUUID();

    @DynamicPropertySource
    static void firstStart(DynamicPropertyRegistry registry) throws Exception {
        requestCourier(EARLY_ORDER);
        // A group that has never existed, as on the service's very first start: no offsets to resume from.
        String group = "delivery-first-start-it-" + UUID.randomUUID();
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_courier_request_sent_before_the_services_consumer_group_first_existed_is_handled() {
        await().atMost(WAIT).until(() -> !deliveryStatuses(EARLY_ORDER).isEmpty());

        assertThat(deliveryStatuses(EARLY_ORDER)).hasSize(1);
    }

    @Test
    void a_courier_request_that_keeps_failing_is_answered_no_courier_available_so_the_saga_moves_on() throws Exception {
        UUID order = UUID.randomUUID();
        // A delivery row this version cannot read (a status it does not know): every attempt fails the same way.
        jdbc.update("""
                insert into delivery (id, order_id, restaurant_id, restaurant_name, pickup_lat, pickup_lon,
                    dropoff_line1, dropoff_city, dropoff_lat, dropoff_lon, status, requested_at, waiting_since,
                    correlation_id)
                values (?, ?, ?, 'Saravana Bhavan', 12.97, 77.64, '12 Residency Road', 'Bengaluru', 12.96, 77.60,
                    'MISLAID', now(), now(), ?)""", UUID.randomUUID(), order, UUID.randomUUID(), UUID.randomUUID());

        requestCourier(order);

        ConsumerRecord<String, String> reply = KafkaProbe.awaitRecords(Topics.DELIVERIES_EVENTS, order.toString(), 1)
                .getFirst();
        assertThat(KafkaProbe.header(reply, MessageHeaders.TYPE)).isEqualTo("NoCourierAvailable");
        assertThat(JSON.readTree(reply.value()).get("reason").asString())
                .startsWith("request failed: ")
                .contains("MISLAID");
    }

    private List<String> deliveryStatuses(UUID order) {
        return jdbc.queryForList("select status from delivery where order_id = ?", String.class, order);
    }

    /** Publishes as the order-service saga would: keyed by orderId, with every header of MessageHeaders. */
    private static void requestCourier(UUID orderId) throws Exception {
        RequestCourier request = new RequestCourier(
                orderId,
                UUID.randomUUID(),
                "Saravana Bhavan",
                new GeoPoint(12.9716, 77.6412),
                new DeliveryAddress("12 Residency Road", "Bengaluru", 12.9667, 77.6009));
        MessageCatalog.Entry entry = MessageCatalog.of(RequestCourier.class);
        KafkaProbe.publish(
                entry.topic(),
                orderId.toString(),
                JSON.writeValueAsString(request),
                Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, entry.type(),
                        MessageHeaders.SCHEMA_VERSION, Integer.toString(entry.schemaVersion()),
                        MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TRACEPARENT,
                                "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01",
                        MessageHeaders.OCCURRED_AT, Instant.now().toString()));
    }
}
