package com.fooddelivery.query.shared.projection;

import com.fooddelivery.query.shared.elasticsearch.IndexDefinition;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns the events of one topic into documents of one index. The live Kafka listener projects into the index's
 * alias; a rebuild projects the whole topic into a fresh index. Idempotent and order-insensitive: every event carries
 * the complete state of its entity and a version, and a document is only ever replaced by a higher version.
 */
public interface Projection {

    IndexDefinition index();

    String topic();

    /**
     * Writes the documents of {@code records} into {@code index}. Returns the records that could not be projected,
     * each with its failure; throws when Elasticsearch failed in a way worth retrying (unreachable, overloaded).
     */
    List<Rejected> project(List<ConsumerRecord<String, String>> records, String index);

    /**
     * A record that was not projected and why: a {@code MalformedMessageException} or
     * {@code UnknownMessageTypeException} when it never can be (unreadable, unknown type, refused by the mapping),
     * another exception when its document mapping failed.
     */
    record Rejected(ConsumerRecord<String, String> record, RuntimeException failure) {}
}
