package com.fooddelivery.query.restaurant.projection;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.query.shared.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects {@code restaurants.events} into the {@code restaurants} index in bulk. Idempotent and order-insensitive by
 * construction: each {@code RestaurantChanged} carries the whole restaurant and its version, which is the document's
 * external version.
 *
 * <p>Its own consumer group ({@code <group-id>.restaurants}), so the restaurant projection can be replayed into a new
 * index version by resetting its offsets without touching the orders, and a rebalance of one does not stop the other.
 */
@Component
class RestaurantProjection {

    static final String LISTENER_ID = "restaurant-projection";

    private static final int VERSION_CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;

    private final RestaurantIndex index;
    private final DeadLetters deadLetters;
    private final JsonMapper json;

    RestaurantProjection(RestaurantIndex index, DeadLetters deadLetters, JsonMapper json) {
        this.index = index;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    private record Unprojectable(ConsumerRecord<String, String> record, String reason) {}

    /**
     * Dead letters are parked only after the bulk write succeeded: a batch that fails (and is retried as a whole)
     * parks nothing, so a retry does not park the same message twice.
     */
    @KafkaListener(
            id = LISTENER_ID,
            groupId = "${spring.kafka.consumer.group-id}.restaurants",
            topics = Topics.RESTAURANTS_EVENTS,
            batch = "true")
    void project(List<ConsumerRecord<String, String>> records) {
        List<RestaurantDocument> documents = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.size());
        List<Unprojectable> unprojectable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                documents.add(RestaurantDocument.of(read(record)));
                sources.add(record);
            } catch (UnprojectableException | JacksonException e) {
                unprojectable.add(new Unprojectable(record, e.getMessage()));
            }
        }
        List<BulkResponseItem> results = index.write(documents);
        for (int i = 0; i < results.size(); i++) {
            BulkResponseItem result = results.get(i);
            if (result.error() == null || result.status() == VERSION_CONFLICT) {
                continue; // stored, or the index already holds this or a newer version of the restaurant
            }
            if (result.status() >= 500 || result.status() == TOO_MANY_REQUESTS) {
                throw new IllegalStateException("Elasticsearch could not index restaurant "
                        + documents.get(i).restaurantId() + " (" + result.status() + "): "
                        + result.error().reason());
            }
            unprojectable.add(new Unprojectable(
                    sources.get(i),
                    result.error().type() + ": " + result.error().reason()));
        }
        unprojectable.forEach(letter -> deadLetters.park(letter.record(), letter.reason()));
    }

    private RestaurantChanged read(ConsumerRecord<String, String> record) {
        Header typeHeader = record.headers().lastHeader(MessageHeaders.TYPE);
        if (typeHeader == null) {
            throw new UnprojectableException("no " + MessageHeaders.TYPE + " header");
        }
        String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
        boolean restaurantChanged = MessageCatalog.byType(type)
                .filter(entry -> entry.javaType() == RestaurantChanged.class)
                .isPresent();
        if (!restaurantChanged) {
            throw new UnprojectableException("unknown restaurant event type " + type);
        }
        if (record.value() == null) {
            throw new UnprojectableException("empty message");
        }
        RestaurantChanged change = json.readValue(record.value(), RestaurantChanged.class);
        if (change == null) {
            throw new UnprojectableException("a JSON null instead of a restaurant");
        }
        return change;
    }
}
