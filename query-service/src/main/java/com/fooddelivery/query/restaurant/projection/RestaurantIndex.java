package com.fooddelivery.query.restaurant.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads of the {@code restaurants} index. */
@Component
public class RestaurantIndex {

    private final ElasticsearchClient client;
    private final IndexAdmin indices;

    RestaurantIndex(ElasticsearchClient client, IndexAdmin indices) {
        this.client = client;
        this.indices = indices;
    }

    public String alias() {
        return indices.alias(RestaurantProjection.INDEX);
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
