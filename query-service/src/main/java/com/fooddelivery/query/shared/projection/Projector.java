package com.fooddelivery.query.shared.projection;

import com.fooddelivery.messaging.consumer.MessageReader;
import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import com.fooddelivery.query.shared.elasticsearch.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/** What every projection does with a batch: read the events it uses, turn each into a document, bulk-write them. */
@Component
public class Projector {

    private final MessageReader reader;
    private final VersionedBulkWriter writer;
    private final IndexAdmin indices;
    private final ChangeFeed feed;
    private final Map<IndexDefinition, String> alsoInto = new ConcurrentHashMap<>();

    Projector(MessageReader reader, VersionedBulkWriter writer, IndexAdmin indices, ChangeFeed feed) {
        this.reader = reader;
        this.writer = writer;
        this.indices = indices;
        this.feed = feed;
    }

    /**
     * The live path: into the index's alias, and also into the index a rebuild is filling, if any. What can never be
     * projected is handed to the messaging library's error handler, the first such record of the batch at a time
     * ({@link BatchListenerFailedException}): the records before it are committed, it goes to the dead-letter topic
     * at once, and the rest are delivered again (writing them twice is harmless, a document only takes a higher
     * version). A batch Elasticsearch cannot take at all (unreachable, 5xx, 429) throws and is retried whole.
     */
    public void projectLive(Projection projection, List<ConsumerRecord<String, String>> records) {
        List<Projection.Rejected> rejected = projection.project(records, indices.alias(projection.index()));
        String rebuilding = alsoInto.get(projection.index());
        if (rebuilding != null) {
            projection.project(records, rebuilding); // refusals are the same as above, dead-lettered once
        }
        if (!rejected.isEmpty()) {
            Projection.Rejected first = rejected.getFirst();
            throw new BatchListenerFailedException(first.failure().getMessage(), first.failure(), first.record());
        }
    }

    /**
     * From now on, live changes also go into {@code index} (a rebuild's new index), so that the index is complete
     * once the replay has reached the end offsets taken after this call.
     */
    public void alsoProjectInto(IndexDefinition definition, String index) {
        alsoInto.put(definition, index);
    }

    public void stopAlsoProjecting(IndexDefinition definition) {
        alsoInto.remove(definition);
    }

    /**
     * Writes one document per event of type {@code family} in {@code records} (other types on the topic are skipped)
     * and wakes the requests waiting for those ids, on every instance. Returns the records that could not be projected, with why.
     */
    public <E> List<Projection.Rejected> project(
            List<ConsumerRecord<String, String>> records,
            String index,
            Class<E> family,
            Function<E, VersionedDocument> toDocument) {
        List<VersionedDocument> documents = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.size());
        List<Projection.Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                reader.read(record, List.of(family))
                        .map(read -> toDocument.apply(family.cast(read.payload())))
                        .ifPresent(document -> {
                            documents.add(document);
                            sources.add(record);
                        });
            } catch (MalformedMessageException | UnknownMessageTypeException e) {
                rejected.add(new Projection.Rejected(record, e));
            } catch (UnprojectableException e) {
                rejected.add(new Projection.Rejected(record, new MalformedMessageException(record, e.getMessage())));
            } catch (RuntimeException e) {
                // A well-read event its document mapping fails on: retried a few times, then dead-lettered.
                rejected.add(new Projection.Rejected(record, e));
            }
        }
        writer.write(index, documents).forEach(refused -> {
            ConsumerRecord<String, String> source = sources.get(refused.position());
            rejected.add(new Projection.Rejected(
                    source, new MalformedMessageException(source, "refused by Elasticsearch: " + refused.reason())));
        });
        feed.projected(documents.stream().map(VersionedDocument::id).toList());
        return rejected;
    }
}
