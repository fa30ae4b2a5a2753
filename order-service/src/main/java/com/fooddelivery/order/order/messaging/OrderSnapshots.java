package com.fooddelivery.order.order.messaging;

import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.order.Courier;
import com.fooddelivery.contracts.order.OrderDetails;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.StatusChange;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code order_snapshot} table: each order's last published state, written in the caller's transaction. */
@Repository
class OrderSnapshots {

    private static final TypeReference<List<StatusChange>> TIMELINE = new TypeReference<>() {};

    private static final String UPSERT = """
            insert into order_snapshot (order_id, sequence, status, details, timeline, courier, estimated_ready_at,
                                        status_since, payment)
            values (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb)
            on conflict (order_id) do update set
                sequence = excluded.sequence,
                status = excluded.status,
                status_since = excluded.status_since,
                details = excluded.details,
                timeline = excluded.timeline,
                courier = excluded.courier,
                estimated_ready_at = excluded.estimated_ready_at,
                payment = excluded.payment""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    OrderSnapshots(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<OrderSnapshot> find(UUID orderId) {
        return jdbc
                .query(
                        """
                        select sequence, status, details::text, timeline::text, courier::text, estimated_ready_at,
                               payment::text
                        from order_snapshot where order_id = ? for update""",
                        (rs, row) -> {
                            OrderDetails details = json.readValue(rs.getString(3), OrderDetails.class);
                            String courier = rs.getString(5);
                            Timestamp readyAt = rs.getTimestamp(6);
                            String payment = rs.getString(7);
                            return new OrderSnapshot(
                                    orderId,
                                    rs.getLong(1),
                                    OrderStatus.valueOf(rs.getString(2)),
                                    details,
                                    json.readValue(rs.getString(4), TIMELINE),
                                    courier == null ? null : json.readValue(courier, Courier.class),
                                    readyAt == null ? null : readyAt.toInstant(),
                                    payment == null
                                            ? new OrderPayment(
                                                    new Money(0, details.total().currency()), null)
                                            : json.readValue(payment, OrderPayment.class));
                        },
                        orderId)
                .stream()
                .findFirst();
    }

    void save(OrderSnapshot snapshot) {
        jdbc.update(
                UPSERT,
                snapshot.orderId(),
                snapshot.sequence(),
                snapshot.status().name(),
                json.writeValueAsString(snapshot.details()),
                json.writeValueAsString(snapshot.timeline()),
                snapshot.courier() == null ? null : json.writeValueAsString(snapshot.courier()),
                snapshot.estimatedReadyAt() == null ? null : Timestamp.from(snapshot.estimatedReadyAt()),
                Timestamp.from(snapshot.timeline().getLast().at()),
                json.writeValueAsString(snapshot.payment()));
    }
}
