package com.fooddelivery.query.delivery.projection;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import com.fooddelivery.query.shared.elasticsearch.IndexDefinition;
import com.fooddelivery.query.shared.projection.Projection;
import com.fooddelivery.query.shared.projection.Projector;
import com.fooddelivery.query.shared.projection.VersionedDocument;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects the {@code DeliveryUpdated} events of {@code deliveries.events} into the {@code deliveries} index; the
 * saga's replies on the same topic (CourierAssigned, ...) are skipped, the order events already carry their effect.
 */
@Component
public class DeliveryProjection implements Projection {

    public static final IndexDefinition INDEX = new IndexDefinition("deliveries", "/elasticsearch/deliveries.json");

    private final Projector projector;

    DeliveryProjection(Projector projector) {
        this.projector = projector;
    }

    @Override
    public IndexDefinition index() {
        return INDEX;
    }

    @Override
    public String topic() {
        return Topics.DELIVERIES_EVENTS;
    }

    @KafkaListener(id = "deliveries-projection", idIsGroup = false, topics = Topics.DELIVERIES_EVENTS, batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        projector.projectLive(this, records);
    }

    @Override
    public List<Rejected> project(List<ConsumerRecord<String, String>> records, String index) {
        return projector.project(records, index, DeliveryUpdated.class, event -> {
            DeliveryDocument document = DeliveryDocument.of(event);
            return new VersionedDocument(document.orderId(), document.sequence(), document);
        });
    }
}
