package com.fooddelivery.query.restaurant.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fooddelivery.query.restaurant.projection.RestaurantDocument;
import com.fooddelivery.query.restaurant.projection.RestaurantIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds open restaurants by words, cuisine and distance, all in one Elasticsearch query: matching, filtering ("open
 * now" included), sorting and paging happen in the index, never in Java.
 */
@Component
public class RestaurantSearch {

    /**
     * A word in the name counts most, then the cuisine, then a dish on the menu (whose name counts twice its
     * description). The name's boost is three times a dish name's, so that a long name matching once still outranks a
     * short dish name matching (BM25 favours short fields).
     */
    private static final float NAME_BOOST = 6;

    private static final float CUISINE_BOOST = 3;
    private static final String FUZZY = "AUTO";

    private final ElasticsearchClient client;
    private final RestaurantIndex index;
    private final ZonesInUse zones;

    RestaurantSearch(ElasticsearchClient client, RestaurantIndex index, ZonesInUse zones) {
        this.client = client;
        this.index = index;
        this.zones = zones;
    }

    /** The restaurants open at {@code now} that match; nearest first with a location, else best match first. */
    public SearchResult search(SearchCriteria criteria, Instant now) {
        List<Query> filters = new ArrayList<>();
        filters.add(OpenNowFilter.at(now, zones.current()));
        if (criteria.cuisine() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("cuisine").value(criteria.cuisine()))));
        }
        GeoLocation near = criteria.near() == null
                ? null
                : GeoLocation.of(g -> g.latlon(
                        l -> l.lat(criteria.near().lat()).lon(criteria.near().lon())));
        if (near != null) {
            filters.add(Query.of(
                    q -> q.geoDistance(d -> d.field("location").location(near).distance(criteria.radiusKm() + "km"))));
        }
        Query query = Query.of(q -> q.bool(b -> {
            if (criteria.text() != null) {
                b.must(matching(criteria.text()));
            }
            return b.filter(filters);
        }));
        try {
            SearchResponse<RestaurantDocument> response = client.search(
                    s -> s.index(index.alias())
                            .query(query)
                            .sort(order(criteria, near))
                            .from(criteria.page() * criteria.size())
                            .size(criteria.size())
                            .trackTotalHits(t -> t.enabled(true))
                            .source(source -> source.filter(f -> f.excludes("menu"))),
                    RestaurantDocument.class);
            List<SearchResult.Hit> hits = response.hits().hits().stream()
                    .map(hit -> hit(hit, near != null, now))
                    .toList();
            return new SearchResult(hits, response.hits().total().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every word must appear in the same field (a name, the cuisine, or one available dish's name or description),
     * with typos forgiven; a dish that is not available does not make its restaurant match.
     */
    private static Query matching(String text) {
        return Query.of(q -> q.bool(b -> b.should(s -> s.match(m -> m.field("name")
                        .query(text)
                        .operator(Operator.And)
                        .fuzziness(FUZZY)
                        .prefixLength(1)
                        .boost(NAME_BOOST)))
                .should(s -> s.match(m -> m.field("cuisine.text")
                        .query(text)
                        .operator(Operator.And)
                        .fuzziness(FUZZY)
                        .prefixLength(1)
                        .boost(CUISINE_BOOST)))
                .should(s -> s.nested(n -> n.path("menu")
                        .scoreMode(ChildScoreMode.Max)
                        .query(dish -> dish.bool(d -> d.must(m -> m.multiMatch(mm -> mm.query(text)
                                        .fields("menu.name^2", "menu.description")
                                        .operator(Operator.And)
                                        .fuzziness(FUZZY)
                                        .prefixLength(1)))
                                .filter(f ->
                                        f.term(t -> t.field("menu.available").value(true)))))))
                .minimumShouldMatch("1")));
    }

    /** Nearest first with a location, else best match first, else by name; the id makes pages stable. */
    private static List<SortOptions> order(SearchCriteria criteria, GeoLocation near) {
        List<SortOptions> order = new ArrayList<>();
        if (near != null) {
            order.add(SortOptions.of(s -> s.geoDistance(g -> g.field("location")
                    .location(near)
                    .unit(DistanceUnit.Kilometers)
                    .order(SortOrder.Asc))));
        }
        if (criteria.text() != null) {
            order.add(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))));
        } else if (near == null) {
            order.add(SortOptions.of(s -> s.field(f -> f.field("name.keyword").order(SortOrder.Asc))));
        }
        order.add(SortOptions.of(s -> s.field(f -> f.field("restaurantId").order(SortOrder.Asc))));
        return order;
    }

    private static SearchResult.Hit hit(Hit<RestaurantDocument> hit, boolean withDistance, Instant now) {
        RestaurantDocument restaurant = hit.source();
        // With a location the first sort value is the distance in km; to the nearest 10 m is plenty for a customer.
        Double distanceKm = withDistance ? Math.round(hit.sort().getFirst().doubleValue() * 100) / 100.0 : null;
        return new SearchResult.Hit(restaurant, distanceKm, restaurant.isOpenAt(now));
    }
}
