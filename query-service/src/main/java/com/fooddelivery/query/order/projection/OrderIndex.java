package com.fooddelivery.query.order.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fooddelivery.query.shared.elasticsearch.Indices;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code orders} alias and the versioned index behind it. */
@Component
public class OrderIndex implements InitializingBean {

    static final String NAME = "orders";
    static final int MAPPING_VERSION = 1;

    private static final String MAPPING = "/elasticsearch/orders-v1.json";

    private final ElasticsearchClient client;
    private final Indices indices;
    private final JsonMapper json;

    OrderIndex(ElasticsearchClient client, Indices indices, JsonMapper json) {
        this.client = client;
        this.indices = indices;
        this.json = json;
    }

    /**
     * Creates the index with its explicit mapping and alias on first start; a race with another instance is fine. An
     * existing index gets the fields the mapping file added since it was created (adding fields is the only mapping
     * change Elasticsearch allows in place; any other change needs a new mapping version).
     */
    @Override
    public void afterPropertiesSet() throws IOException {
        String alias = indices.alias(NAME);
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            addNewFields(alias);
            return;
        }
        try (InputStream mapping = OrderIndex.class.getResourceAsStream(MAPPING)) {
            client.indices().create(c -> c.index(indices.index(NAME, MAPPING_VERSION))
                    .withJson(mapping)
                    .aliases(alias, a -> a));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void addNewFields(String alias) throws IOException {
        String mappings;
        try (InputStream file = OrderIndex.class.getResourceAsStream(MAPPING)) {
            mappings = json.writeValueAsString(json.readTree(file).get("mappings"));
        }
        client.indices().putMapping(put -> put.index(alias).withJson(new StringReader(mappings)));
    }

    /** Indexes each document unless the index already holds the same or a newer sequence of that order. */
    List<BulkResponseItem> write(List<OrderDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<BulkOperation> operations = documents.stream()
                .map(document -> BulkOperation.of(op -> op.index(index -> index.index(indices.alias(NAME))
                        .id(document.orderId())
                        .version(document.sequence())
                        .versionType(VersionType.External)
                        .document(document))))
                .toList();
        try {
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            return response.items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<OrderDocument> find(String orderId) {
        try {
            GetResponse<OrderDocument> response =
                    client.get(get -> get.index(indices.alias(NAME)).id(orderId), OrderDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
