package com.fooddelivery.query.order.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.query.delivery.projection.DeliveryDocument;
import com.fooddelivery.query.delivery.projection.DeliveryProjection;
import com.fooddelivery.query.order.projection.OrderDocument;
import com.fooddelivery.query.order.projection.OrderProjection;
import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import com.fooddelivery.query.shared.projection.Changes;
import com.fooddelivery.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the {@code orders} index (and the order's delivery) for the three apps. */
@Component
public class OrderReadModel {

    private static final String STATUS_COUNTS = "statuses";

    private final ElasticsearchClient client;
    private final IndexAdmin indices;
    private final Changes changes;
    private final JsonMapper json;

    OrderReadModel(ElasticsearchClient client, IndexAdmin indices, Changes changes, JsonMapper json) {
        this.client = client;
        this.indices = indices;
        this.changes = changes;
        this.json = json;
    }

    /** The order with its delivery, if it exists and the caller may see it (a foreign order does not exist). */
    public Optional<OrderView> find(String orderId, Caller caller) {
        List<MultiGetResponseItem<JsonNode>> both = orderAndDelivery(orderId, Function.identity(), Function.identity());
        return source(both.get(0), OrderDocument.class)
                .map(order -> new OrderView(
                        order, source(both.get(1), DeliveryDocument.class).orElse(null)))
                .filter(view -> view.visibleTo(caller));
    }

    /**
     * The order's version, if it exists and the caller may see it, read without the bodies of the order (only its
     * owners) and its delivery: what answers a conditional read ({@code 304}) and wakes a long-poll, for about a quarter
     * less CPU than {@link #find} (docs/performance.md). Real time and exact: the version is Elasticsearch's external version, which the
     * projections set to the sequence ({@link com.fooddelivery.query.shared.projection.VersionedBulkWriter}).
     */
    public Optional<OrderVersion> versionOf(String orderId, Caller caller) {
        List<MultiGetResponseItem<JsonNode>> both = orderAndDelivery(
                orderId,
                order -> order.source(source -> source.filter(only -> only.includes(OrderOwners.FIELDS))),
                delivery -> delivery.source(source -> source.fetch(false)));
        GetResult<JsonNode> order = result(both.get(0));
        if (!order.found() || order.source() == null || order.version() == null) {
            return Optional.empty();
        }
        if (!json.treeToValue(order.source(), OrderOwners.class).visibleTo(caller)) {
            return Optional.empty();
        }
        GetResult<JsonNode> delivery = result(both.get(1));
        long deliverySequence = delivery.found() && delivery.version() != null ? delivery.version() : 0;
        return Optional.of(new OrderVersion(order.version(), deliverySequence));
    }

    /**
     * Reads the order's version, and again each time a projection of any instance writes the order ({@link
     * Changes}), until {@code done} holds for what was read or {@code atMost} has passed; returns the last read.
     * Never reads on a timer. A read that may not wait (zero {@code atMost}) registers nothing; one that does is
     * registered with {@link Changes} only until it returns or throws.
     *
     * @throws com.fooddelivery.query.shared.projection.LongPollsExhaustedException if the first read is not
     *     {@code done} and this instance already has as many waiting requests as it allows
     */
    public Optional<OrderVersion> await(
            String orderId, Caller caller, Predicate<Optional<OrderVersion>> done, Duration atMost)
            throws InterruptedException {
        if (!atMost.isPositive()) {
            return versionOf(orderId, caller);
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Changes.Waiter waiter = changes.listen(orderId)) {
            while (true) {
                Optional<OrderVersion> version = versionOf(orderId, caller);
                long left = deadline - System.nanoTime();
                if (done.test(version) || left <= 0) {
                    return version;
                }
                waiter.await(Duration.ofNanos(left));
            }
        }
    }

    /** The order and its delivery (stored under the order's id) in one round trip, real time. */
    private List<MultiGetResponseItem<JsonNode>> orderAndDelivery(
            String orderId,
            Function<MultiGetOperation.Builder, MultiGetOperation.Builder> order,
            Function<MultiGetOperation.Builder, MultiGetOperation.Builder> delivery) {
        try {
            return client.mget(
                            mget -> mget.docs(doc ->
                                            order.apply(doc.index(alias()).id(orderId)))
                                    .docs(doc -> delivery.apply(
                                            doc.index(deliveryAlias()).id(orderId))),
                            JsonNode.class)
                    .docs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> Optional<T> source(MultiGetResponseItem<JsonNode> item, Class<T> type) {
        GetResult<JsonNode> result = result(item);
        return result.found() && result.source() != null
                ? Optional.of(json.treeToValue(result.source(), type))
                : Optional.empty();
    }

    /** A document Elasticsearch could not read now (e.g. its shard unavailable) is a read it cannot answer: 503. */
    private static GetResult<JsonNode> result(MultiGetResponseItem<JsonNode> item) {
        if (item.isFailure()) {
            throw new UncheckedIOException(new IOException("Elasticsearch could not read "
                    + item.failure().index() + "/" + item.failure().id() + ": "
                    + item.failure().error().reason()));
        }
        return item.result();
    }

    /** The customer's orders, newest first, optionally only those in {@code statuses}. */
    public OrderPage ofCustomer(UUID customerId, Collection<OrderStatus> statuses, int page, int size) {
        Query query = Query.of(q -> q.bool(bool -> {
            bool.filter(f -> f.term(term -> term.field("customerId").value(customerId.toString())));
            if (!statuses.isEmpty()) {
                bool.filter(statusIn(statuses));
            }
            return bool;
        }));
        SearchResponse<OrderDocument> response = search(search -> search.index(alias())
                .query(query)
                .sort(sort -> sort.field(field -> field.field("placedAt").order(SortOrder.Desc)))
                .sort(sort -> sort.field(field -> field.field("orderId").order(SortOrder.Desc)))
                .from(page * size)
                .size(size)
                .trackTotalHits(total -> total.enabled(true)));
        long total =
                response.hits().total() == null ? 0 : response.hits().total().value();
        return new OrderPage(sources(response), page, size, total);
    }

    /** The restaurant's orders in {@code statuses}, oldest first, and its order counts per status. */
    public RestaurantQueue queueOf(UUID restaurantId, Collection<OrderStatus> statuses, int size) {
        SearchResponse<OrderDocument> response = search(search -> search.index(alias())
                .query(q -> q.bool(bool -> bool.filter(
                        f -> f.term(term -> term.field("restaurantId").value(restaurantId.toString())))))
                // The filter on status applies to the hits only, so the counts cover every status.
                .postFilter(statusIn(statuses))
                .aggregations(
                        STATUS_COUNTS,
                        agg -> agg.terms(terms -> terms.field("status").size(OrderStatus.values().length)))
                .sort(sort -> sort.field(field -> field.field("placedAt").order(SortOrder.Asc)))
                .sort(sort -> sort.field(field -> field.field("orderId").order(SortOrder.Asc)))
                .size(size));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status.name(), 0L);
        }
        for (StringTermsBucket bucket :
                response.aggregations().get(STATUS_COUNTS).sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return new RestaurantQueue(sources(response), counts);
    }

    private static Query statusIn(Collection<OrderStatus> statuses) {
        List<FieldValue> values =
                statuses.stream().map(status -> FieldValue.of(status.name())).toList();
        return Query.of(q -> q.terms(terms -> terms.field("status").terms(t -> t.value(values))));
    }

    private SearchResponse<OrderDocument> search(
            Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
        try {
            return client.search(request, OrderDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<OrderDocument> sources(SearchResponse<OrderDocument> response) {
        return response.hits().hits().stream().map(Hit::source).toList();
    }

    private String alias() {
        return indices.alias(OrderProjection.INDEX);
    }

    private String deliveryAlias() {
        return indices.alias(DeliveryProjection.INDEX);
    }
}
