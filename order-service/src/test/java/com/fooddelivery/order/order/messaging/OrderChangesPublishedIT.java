package com.fooddelivery.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.order.order.domain.DeliveryAddress;
import com.fooddelivery.order.order.domain.OrderCommands.AcceptOrder;
import com.fooddelivery.order.order.domain.OrderCommands.RecordCourierAssigned;
import com.fooddelivery.order.order.domain.OrderCommands.RecordPaymentAuthorized;
import com.fooddelivery.order.order.domain.PaymentMethod;
import com.fooddelivery.order.order.domain.PlaceOrder;
import com.fooddelivery.order.order.domain.RequestedItem;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change of an order reaches orders.events with the complete state, evolved from order_snapshot. */
@ServiceIntegrationTest
class OrderChangesPublishedIT {

    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    private static final UUID DOSA = UUID.fromString("a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void each_change_is_published_with_the_complete_state_and_timeline_times_from_the_events() {
        UUID orderId = placeOrder();
        UUID courier = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();

        commands.sendAndWait(new RecordPaymentAuthorized(orderId));
        commands.sendAndWait(new AcceptOrder(orderId, RESTAURANT, 20));
        commands.sendAndWait(new RecordCourierAssigned(orderId, courier, delivery));

        List<ConsumerRecord<String, String>> published = awaitPublished(orderId, 4);
        assertThat(published)
                .extracting(record -> header(record, MessageHeaders.TYPE))
                .containsExactly("OrderPlaced", "OrderStatusChanged", "OrderStatusChanged", "OrderStatusChanged");
        List<JsonNode> bodies =
                published.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(bodies).extracting(body -> body.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(bodies)
                .extracting(body -> body.get("status").asString())
                .containsExactly("PENDING", "AWAITING_RESTAURANT", "PREPARING", "PREPARING");

        JsonNode last = bodies.getLast();
        assertThat(last.at("/details/restaurantName").asString()).isEqualTo("Saravana Bhavan");
        assertThat(last.at("/details/total/amountMinor").asLong()).isEqualTo(2 * 12000);
        assertThat(last.at("/courier/courierId").asString()).isEqualTo(courier.toString());
        assertThat(last.at("/courier/deliveryId").asString()).isEqualTo(delivery.toString());
        assertThat(last.get("estimatedReadyAt").isNull()).isFalse();
        assertThat(last.get("timeline")).hasSize(3);
        assertThat(Instant.parse(last.at("/timeline/1/at").asString())).isEqualTo(eventTimestamp(orderId, 1));
        assertThat(Instant.parse(last.at("/timeline/2/at").asString())).isEqualTo(eventTimestamp(orderId, 2));
        assertThat(bodies.get(2).get("courier").isNull()).isTrue();

        assertThat(jdbc.queryForMap(
                        "select sequence, status, courier->>'courierId' as courier from order_snapshot"
                                + " where order_id = ?",
                        orderId))
                .containsEntry("sequence", 3L)
                .containsEntry("status", "PREPARING")
                .containsEntry("courier", courier.toString());
    }

    @Test
    void an_order_without_a_snapshot_has_it_rebuilt_from_its_events_before_the_next_change() {
        UUID orderId = placeOrder();
        commands.sendAndWait(new RecordPaymentAuthorized(orderId));
        jdbc.update("delete from order_snapshot where order_id = ?", orderId);

        commands.sendAndWait(new AcceptOrder(orderId, RESTAURANT, 20));

        JsonNode accepted = JSON.readTree(awaitPublished(orderId, 3).getLast().value());
        assertThat(accepted.get("sequence").asLong()).isEqualTo(2);
        assertThat(accepted.get("status").asString()).isEqualTo("PREPARING");
        assertThat(accepted.at("/details/items/0/name").asString()).isEqualTo("Masala Dosa");
        assertThat(accepted.get("timeline"))
                .extracting(entry -> entry.get("status").asString())
                .containsExactly("PENDING", "AWAITING_RESTAURANT", "PREPARING");
        assertThat(jdbc.queryForObject("select sequence from order_snapshot where order_id = ?", Long.class, orderId))
                .isEqualTo(2);
    }

    private UUID placeOrder() {
        UUID orderId = UUID.randomUUID();
        commands.sendAndWait(new PlaceOrder(
                orderId,
                UUID.randomUUID(),
                RESTAURANT,
                List.of(new RequestedItem(DOSA, 2)),
                PaymentMethod.UPI,
                new DeliveryAddress("12 MG Road", "Bengaluru", 12.97, 77.59)));
        return orderId;
    }

    private Instant eventTimestamp(UUID orderId, long sequence) {
        return Instant.parse(jdbc.queryForObject(
                "select timestamp from domainevententry where aggregateidentifier = ? and sequencenumber = ?",
                String.class,
                orderId.toString(),
                sequence));
    }

    private static List<ConsumerRecord<String, String>> awaitPublished(UUID orderId, int expected) {
        return KafkaProbe.awaitRecords(Topics.ORDERS_EVENTS, orderId.toString(), expected);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaProbe.header(record, name);
    }
}
