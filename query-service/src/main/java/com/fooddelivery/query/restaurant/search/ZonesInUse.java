package com.fooddelivery.query.restaurant.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import com.fooddelivery.query.restaurant.projection.OpeningWeek;
import com.fooddelivery.query.restaurant.projection.RestaurantIndex;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zones the indexed restaurants are in, so that "open now" asks about those few instead of every zone the
 * JVM knows (about 600 ids, 14 KB of terms in every search, about 40 % of Elasticsearch's CPU per search). Read by a terms aggregation,
 * at most once per {@code query.search.zones-in-use-max-age} per instance: a restaurant in a zone no other restaurant
 * is in is found by search that much later (plus an index refresh), no later than a search page any cache may keep
 * ({@code query.caching.search-max-age}).
 */
@Component
class ZonesInUse {

    private static final String ZONES = "zones";

    private final ElasticsearchClient client;
    private final RestaurantIndex index;
    private final LoadingCache<String, List<ZoneId>> byAlias;

    ZonesInUse(
            ElasticsearchClient client,
            RestaurantIndex index,
            @Value("${query.search.zones-in-use-max-age}") Duration maxAge) {
        this.client = client;
        this.index = index;
        this.byAlias =
                Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(1).build(this::read);
    }

    List<ZoneId> current() {
        return byAlias.get(index.alias());
    }

    private List<ZoneId> read(String alias) {
        try {
            return client
                    .search(
                            search -> search.index(alias)
                                    .size(0)
                                    .aggregations(
                                            ZONES,
                                            zones -> zones.terms(terms -> terms.field("openingHours.timeZone")
                                                    .size(OpeningWeek.TIME_ZONES.size()))),
                            Void.class)
                    .aggregations()
                    .get(ZONES)
                    .sterms()
                    .buckets()
                    .array()
                    .stream()
                    .map(StringTermsBucket::key)
                    .map(key -> ZoneId.of(key.stringValue()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
