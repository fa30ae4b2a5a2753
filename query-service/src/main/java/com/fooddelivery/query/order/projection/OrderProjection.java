package com.fooddelivery.query.order.projection;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.order.OrderEvent;
import com.fooddelivery.query.shared.elasticsearch.IndexDefinition;
import com.fooddelivery.query.shared.projection.Projection;
import com.fooddelivery.query.shared.projection.Projector;
import com.fooddelivery.query.shared.projection.VersionedDocument;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code orders.events} into the {@code orders} index. Every order event carries the complete order and
 * its sequence, which is the document's version.
 */
@Component
public class OrderProjection implements Projection {

    public static final IndexDefinition INDEX = new IndexDefinition("orders", "/elasticsearch/orders.json");

    private final Projector projector;

    OrderProjection(Projector projector) {
        this.projector = projector;
    }

    @Override
    public IndexDefinition index() {
        return INDEX;
    }

    @Override
    public String topic() {
        return Topics.ORDERS_EVENTS;
    }

    @KafkaListener(id = "orders-projection", idIsGroup = false, topics = Topics.ORDERS_EVENTS, batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        projector.projectLive(this, records);
    }

    @Override
    public List<Rejected> project(List<ConsumerRecord<String, String>> records, String index) {
        return projector.project(records, index, OrderEvent.class, event -> {
            OrderDocument document = OrderDocument.of(event);
            return new VersionedDocument(document.orderId(), document.sequence(), document);
        });
    }
}
