package com.fooddelivery.query.restaurant.projection;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.query.shared.elasticsearch.IndexDefinition;
import com.fooddelivery.query.shared.projection.Projection;
import com.fooddelivery.query.shared.projection.Projector;
import com.fooddelivery.query.shared.projection.VersionedDocument;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code restaurants.events} into the {@code restaurants} index. Each {@code RestaurantChanged} carries the
 * whole restaurant and its version, which is the document's version.
 */
@Component
public class RestaurantProjection implements Projection {

    public static final IndexDefinition INDEX = new IndexDefinition("restaurants", "/elasticsearch/restaurants.json");

    private final Projector projector;

    RestaurantProjection(Projector projector) {
        this.projector = projector;
    }

    @Override
    public IndexDefinition index() {
        return INDEX;
    }

    @Override
    public String topic() {
        return Topics.RESTAURANTS_EVENTS;
    }

    @KafkaListener(id = "restaurants-projection", idIsGroup = false, topics = Topics.RESTAURANTS_EVENTS, batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        projector.projectLive(this, records);
    }

    @Override
    public List<Rejected> project(List<ConsumerRecord<String, String>> records, String index) {
        return projector.project(records, index, RestaurantChanged.class, change -> {
            RestaurantDocument document = RestaurantDocument.of(change);
            return new VersionedDocument(document.restaurantId(), document.version(), document);
        });
    }
}
