package com.fooddelivery.query.shared.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Indexes documents in one bulk request with their version as Elasticsearch's external version: a document is
 * replaced only by a strictly higher version, so a repeated or late event is a harmless version conflict.
 */
@Component
public class VersionedBulkWriter {

    private static final int VERSION_CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;

    private final ElasticsearchClient client;

    VersionedBulkWriter(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Returns the documents (by position in {@code documents}) Elasticsearch refused for good (e.g. a value the mapping rejects); throws if it failed in
     * a way worth retrying (unreachable, a 5xx or 429 for any document), so the caller retries the whole batch.
     */
    public List<Refused> write(String index, List<VersionedDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<BulkOperation> operations = documents.stream()
                .map(document -> BulkOperation.of(op -> op.index(write -> write.index(index)
                        .id(document.id())
                        .version(document.version())
                        .versionType(VersionType.External)
                        .document(document.source()))))
                .toList();
        BulkResponse response;
        try {
            response = client.bulk(bulk -> bulk.operations(operations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Refused> refused = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null || item.status() == VERSION_CONFLICT) {
                continue; // stored, or the index already holds this or a newer version
            }
            if (item.status() >= 500 || item.status() == TOO_MANY_REQUESTS) {
                throw new IllegalStateException("Elasticsearch could not index into " + index + ": "
                        + item.error().reason());
            }
            refused.add(new Refused(i, item.error().type() + ": " + item.error().reason()));
        }
        return refused;
    }

    /** The document at {@code position} was refused for good, and why. */
    public record Refused(int position, String reason) {}
}
