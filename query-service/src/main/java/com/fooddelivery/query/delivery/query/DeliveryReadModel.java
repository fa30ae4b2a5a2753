package com.fooddelivery.query.delivery.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.query.delivery.projection.DeliveryDocument;
import com.fooddelivery.query.delivery.projection.DeliveryProjection;
import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads of the {@code deliveries} index. */
@Component
public class DeliveryReadModel {

    private static final List<DeliveryStatus> UNDER_WAY = List.of(DeliveryStatus.ASSIGNED, DeliveryStatus.PICKED_UP);
    private static final List<DeliveryStatus> FINISHED =
            List.of(DeliveryStatus.DELIVERED, DeliveryStatus.CANCELLED, DeliveryStatus.FAILED);
    private static final int RECENT = 20;

    private final ElasticsearchClient client;
    private final IndexAdmin indices;

    DeliveryReadModel(ElasticsearchClient client, IndexAdmin indices) {
        this.client = client;
        this.indices = indices;
    }

    /**
     * The courier's deliveries under way and the last {@value #RECENT} they finished. A delivery the courier only
     * was offered, or declined, is not theirs.
     */
    public CourierJobs jobsOf(UUID courierId) {
        return new CourierJobs(ofCourier(courierId, UNDER_WAY, RECENT), ofCourier(courierId, FINISHED, RECENT));
    }

    private List<DeliveryDocument> ofCourier(UUID courierId, List<DeliveryStatus> statuses, int size) {
        List<FieldValue> values =
                statuses.stream().map(status -> FieldValue.of(status.name())).toList();
        try {
            return client
                    .search(
                            search -> search.index(alias())
                                    .query(q -> q.bool(bool -> bool.filter(f -> f.term(term ->
                                                    term.field("courierId").value(courierId.toString())))
                                            .filter(f -> f.terms(terms ->
                                                    terms.field("status").terms(t -> t.value(values))))))
                                    .sort(sort -> sort.field(
                                            field -> field.field("updatedAt").order(SortOrder.Desc)))
                                    .size(size),
                            DeliveryDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String alias() {
        return indices.alias(DeliveryProjection.INDEX);
    }
}
