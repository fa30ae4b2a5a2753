package com.fooddelivery.query.shared.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import com.fooddelivery.contracts.order.OrderEvent;
import com.fooddelivery.query.order.projection.OrderEvents;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventReader reader = new EventReader(JSON);
    private final UUID orderId = UUID.randomUUID();

    @Test
    void reads_an_event_of_the_family_as_its_catalog_class() {
        var record = record("OrderStatusChanged", JSON.writeValueAsString(OrderEvents.preparing(orderId)));

        OrderEvent event = reader.read(record, OrderEvent.class).orElseThrow();

        assertThat(event.orderId()).isEqualTo(orderId);
        assertThat(event.sequence()).isEqualTo(2);
    }

    @Test
    void skips_a_known_type_of_another_family_sharing_the_topic() {
        var record = record("CourierAssigned", "{\"orderId\":\"" + orderId + "\"}");

        assertThat(reader.read(record, DeliveryUpdated.class)).isEmpty();
    }

    @Test
    void an_unknown_type_a_missing_type_an_empty_or_unreadable_payload_can_never_be_projected() {
        assertThatThrownBy(() -> reader.read(record("OrderTeleported", "{}"), OrderEvent.class))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("OrderTeleported");
        assertThatThrownBy(() -> reader.read(record(null, "{}"), OrderEvent.class))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining(MessageHeaders.TYPE);
        assertThatThrownBy(() -> reader.read(record("OrderPlaced", null), OrderEvent.class))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read(record("OrderPlaced", "{not json"), OrderEvent.class))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("unreadable OrderPlaced");
    }

    private ConsumerRecord<String, String> record(String type, String payload) {
        var record = new ConsumerRecord<>(Topics.ORDERS_EVENTS, 0, 7L, orderId.toString(), payload);
        if (type != null) {
            record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
