package com.fooddelivery.query.order.projection;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.order.OrderEvent;
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
 * Projects {@code orders.events} into the {@code orders} index in bulk. Idempotent and order-insensitive by
 * construction: each event carries the full order and its sequence, which is the document's external version.
 */
@Component
class OrderProjection {

    private static final int VERSION_CONFLICT = 409;

    private final OrderIndex index;
    private final DeadLetters deadLetters;
    private final JsonMapper json;

    OrderProjection(OrderIndex index, DeadLetters deadLetters, JsonMapper json) {
        this.index = index;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @KafkaListener(topics = Topics.ORDERS_EVENTS, batch = "true")
    void project(List<ConsumerRecord<String, String>> records) {
        List<OrderDocument> documents = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                documents.add(OrderDocument.of(read(record)));
                sources.add(record);
            } catch (UnprojectableException | JacksonException | NullPointerException e) {
                deadLetters.park(record, e.getMessage());
            }
        }
        List<BulkResponseItem> results = index.write(documents);
        for (int i = 0; i < results.size(); i++) {
            BulkResponseItem result = results.get(i);
            if (result.error() == null || result.status() == VERSION_CONFLICT) {
                continue; // stored, or the index already holds this or a newer state of the order
            }
            if (result.status() >= 500 || result.status() == 429) {
                throw new IllegalStateException(
                        "Elasticsearch could not index: " + result.error().reason());
            }
            deadLetters.park(
                    sources.get(i),
                    result.error().type() + ": " + result.error().reason());
        }
    }

    private OrderEvent read(ConsumerRecord<String, String> record) {
        Header typeHeader = record.headers().lastHeader(MessageHeaders.TYPE);
        if (typeHeader == null) {
            throw new UnprojectableException("no " + MessageHeaders.TYPE + " header");
        }
        String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
        Class<?> messageClass = MessageCatalog.byType(type)
                .map(MessageCatalog.Entry::javaType)
                .filter(OrderEvent.class::isAssignableFrom)
                .orElseThrow(() -> new UnprojectableException("unknown order event type " + type));
        if (record.value() == null) {
            throw new UnprojectableException("empty message");
        }
        return (OrderEvent) json.readValue(record.value(), messageClass);
    }

    private static class UnprojectableException extends RuntimeException {
        UnprojectableException(String message) {
            super(message);
        }
    }
}
