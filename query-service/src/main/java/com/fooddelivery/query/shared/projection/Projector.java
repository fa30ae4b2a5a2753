package com.fooddelivery.query.shared.projection;

import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import com.fooddelivery.query.shared.elasticsearch.IndexDefinition;
import com.fooddelivery.query.shared.kafka.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** What every projection does with a batch: read the events it uses, turn each into a document, bulk-write them. */
@Component
public class Projector {

    private final EventReader reader;
    private final VersionedBulkWriter writer;
    private final IndexAdmin indices;
    private final DeadLetters deadLetters;
    private final Changes changes;
    private final Map<IndexDefinition, String> alsoInto = new ConcurrentHashMap<>();

    Projector(
            EventReader reader,
            VersionedBulkWriter writer,
            IndexAdmin indices,
            DeadLetters deadLetters,
            Changes changes) {
        this.reader = reader;
        this.writer = writer;
        this.indices = indices;
        this.deadLetters = deadLetters;
        this.changes = changes;
    }

    /**
     * The live path: into the index's alias, with what can never be projected parked on the dead-letter topic, and
     * also into the index a rebuild is filling, if any.
     */
    public void projectLive(Projection projection, List<ConsumerRecord<String, String>> records) {
        deadLetters.parkAll(projection.project(records, indices.alias(projection.index())));
        String rebuilding = alsoInto.get(projection.index());
        if (rebuilding != null) {
            projection.project(records, rebuilding); // refusals are the same as above, parked once
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
     * and wakes the requests waiting for those ids. Returns the records that can never be projected.
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
                reader.read(record, family).map(toDocument).ifPresent(document -> {
                    documents.add(document);
                    sources.add(record);
                });
            } catch (UnprojectableException e) {
                rejected.add(new Projection.Rejected(record, e.getMessage()));
            } catch (NullPointerException e) {
                rejected.add(new Projection.Rejected(record, "incomplete " + family.getSimpleName()));
            }
        }
        writer.write(index, documents)
                .forEach(refused ->
                        rejected.add(new Projection.Rejected(sources.get(refused.position()), refused.reason())));
        changes.changed(documents.stream().map(VersionedDocument::id).toList());
        return rejected;
    }
}
