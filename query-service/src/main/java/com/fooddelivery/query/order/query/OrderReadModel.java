package com.fooddelivery.query.order.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.query.delivery.query.DeliveryReadModel;
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

/** Reads of the {@code orders} index (and the order's delivery) for the three apps. */
@Component
public class OrderReadModel {

    private static final String STATUS_COUNTS = "statuses";

    private final ElasticsearchClient client;
    private final IndexAdmin indices;
    private final DeliveryReadModel deliveries;
    private final Changes changes;

    OrderReadModel(ElasticsearchClient client, IndexAdmin indices, DeliveryReadModel deliveries, Changes changes) {
        this.client = client;
        this.indices = indices;
        this.deliveries = deliveries;
        this.changes = changes;
    }

    /** The order with its delivery, if it exists and the caller may see it (a foreign order does not exist). */
    public Optional<OrderView> find(String orderId, Caller caller) {
        try {
            var response = client.get(get -> get.index(alias()).id(orderId), OrderDocument.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            OrderView view = new OrderView(
                    response.source(), deliveries.forOrder(orderId).orElse(null));
            return view.visibleTo(caller) ? Optional.of(view) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the order, and again each time a projection of any instance writes it ({@link Changes}), until {@code
     * done} holds for what was read or {@code atMost} has passed; returns the last read. Never reads on a timer.
     * A read that may not wait (zero {@code atMost}) registers nothing; one that does is registered with
     * {@link Changes} only until it returns or throws.
     *
     * @throws com.fooddelivery.query.shared.projection.LongPollsExhaustedException if the first read is not
     *     {@code done} and this instance already has as many waiting requests as it allows
     */
    public Optional<OrderView> await(
            String orderId, Caller caller, Predicate<Optional<OrderView>> done, Duration atMost)
            throws InterruptedException {
        if (!atMost.isPositive()) {
            return find(orderId, caller);
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Changes.Waiter waiter = changes.listen(orderId)) {
            while (true) {
                Optional<OrderView> view = find(orderId, caller);
                long left = deadline - System.nanoTime();
                if (done.test(view) || left <= 0) {
                    return view;
                }
                waiter.await(Duration.ofNanos(left));
            }
        }
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
}
