package com.fooddelivery.query.restaurant.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
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

/** The {@code restaurants} alias and the versioned index behind it. */
@Component
public class RestaurantIndex implements InitializingBean {

    public static final String NAME = "restaurants";
    static final int MAPPING_VERSION = 1;

    private static final String MAPPING = "/elasticsearch/restaurants-v1.json";

    private final ElasticsearchClient client;
    private final Indices indices;
    private final JsonMapper json;

    RestaurantIndex(ElasticsearchClient client, Indices indices, JsonMapper json) {
        this.client = client;
        this.indices = indices;
        this.json = json;
    }

    /**
     * Creates the index with its explicit mapping and alias on first start; a race with another instance is fine. An
     * existing index gets the fields the mapping file added since it was created (any other change needs a new
     * mapping version). The same steps as {@code OrderIndex}.
     */
    @Override
    public void afterPropertiesSet() throws IOException {
        String alias = alias();
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            addNewFields(alias);
            return;
        }
        try (InputStream mapping = RestaurantIndex.class.getResourceAsStream(MAPPING)) {
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
        try (InputStream file = RestaurantIndex.class.getResourceAsStream(MAPPING)) {
            mappings = json.writeValueAsString(json.readTree(file).get("mappings"));
        }
        client.indices().putMapping(put -> put.index(alias).withJson(new StringReader(mappings)));
    }

    public String alias() {
        return indices.alias(NAME);
    }

    /**
     * Indexes each document unless the index already holds the same or a newer version of that restaurant. The items
     * of the answer are in the order of {@code documents}.
     */
    List<BulkResponseItem> write(List<RestaurantDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<BulkOperation> operations = documents.stream()
                .map(document -> BulkOperation.of(op -> op.index(index -> index.index(alias())
                        .id(document.restaurantId())
                        .version(document.version())
                        .versionType(VersionType.External)
                        .document(document))))
                .toList();
        try {
            return client.bulk(bulk -> bulk.operations(operations)).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real-time get: a restaurant is readable by id as soon as it is indexed, before the next refresh. */
    public Optional<RestaurantDocument> find(String restaurantId) {
        try {
            GetResponse<RestaurantDocument> response =
                    client.get(get -> get.index(alias()).id(restaurantId), RestaurantDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
