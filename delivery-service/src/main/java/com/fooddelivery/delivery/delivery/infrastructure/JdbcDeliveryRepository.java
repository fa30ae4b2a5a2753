package com.fooddelivery.delivery.delivery.infrastructure;

import com.fooddelivery.delivery.delivery.application.Conversation;
import com.fooddelivery.delivery.delivery.application.DeliveryRepository;
import com.fooddelivery.delivery.delivery.domain.Address;
import com.fooddelivery.delivery.delivery.domain.AvailableCourier;
import com.fooddelivery.delivery.delivery.domain.CourierPosition;
import com.fooddelivery.delivery.delivery.domain.Delivery;
import com.fooddelivery.delivery.delivery.domain.DeliveryStatus;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.delivery.delivery.domain.Offer;
import com.fooddelivery.delivery.delivery.domain.OfferStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries in PostgreSQL with plain SQL. Callers run inside a transaction; locks last until it ends. */
@Repository
class JdbcDeliveryRepository implements DeliveryRepository {

    private static final String SELECT_DELIVERY = """
            select id, order_id, restaurant_id, restaurant_name, pickup_lat, pickup_lon, dropoff_line1, dropoff_city,
                   dropoff_lat, dropoff_lon, status, courier_id, courier_lat, courier_lon, courier_position_at,
                   picked_up_at, overdue_since, requested_at, waiting_since, sequence, updated_at
            from delivery""";

    private final JdbcClient jdbc;

    JdbcDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Instant now() {
        return jdbc.sql("select now()").query((rs, row) -> instant(rs, 1)).single();
    }

    @Override
    public boolean insert(Delivery delivery, Conversation conversation) {
        return jdbc.sql("""
                        insert into delivery (id, order_id, restaurant_id, restaurant_name, pickup_lat, pickup_lon,
                            dropoff_line1, dropoff_city, dropoff_lat, dropoff_lon, status, courier_id, requested_at,
                            waiting_since, correlation_id, traceparent, sequence, updated_at)
                        values (:id, :orderId, :restaurantId, :restaurantName, :pickupLat, :pickupLon,
                            :line1, :city, :dropoffLat, :dropoffLon, :status, null, :requestedAt,
                            :waitingSince, :correlationId, :traceparent, :sequence, :updatedAt)
                        on conflict (order_id) do nothing""")
                        .param("id", delivery.id())
                        .param("orderId", delivery.orderId())
                        .param("restaurantId", delivery.restaurantId())
                        .param("restaurantName", delivery.restaurantName())
                        .param("pickupLat", delivery.pickup().lat())
                        .param("pickupLon", delivery.pickup().lon())
                        .param("line1", delivery.dropoff().line1())
                        .param("city", delivery.dropoff().city())
                        .param("dropoffLat", delivery.dropoff().location().lat())
                        .param("dropoffLon", delivery.dropoff().location().lon())
                        .param("status", delivery.status().name())
                        .param("requestedAt", timestamp(delivery.requestedAt()))
                        .param("waitingSince", timestamp(delivery.waitingSince()))
                        .param("correlationId", conversation.correlationId())
                        .param("traceparent", conversation.traceparent())
                        .param("sequence", delivery.sequence())
                        .param("updatedAt", timestamp(delivery.updatedAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Delivery> lock(UUID deliveryId) {
        return load(SELECT_DELIVERY + " where id = ? for update", deliveryId);
    }

    @Override
    public Optional<Delivery> lockByOrder(UUID orderId) {
        return load(SELECT_DELIVERY + " where order_id = ? for update", orderId);
    }

    @Override
    public Optional<Delivery> lockUnderWayWith(UUID courierId) {
        return load(
                SELECT_DELIVERY + " where courier_id = ? and status in ('ASSIGNED', 'PICKED_UP') for update",
                courierId);
    }

    @Override
    public Optional<Delivery> tryLock(UUID deliveryId) {
        return load(SELECT_DELIVERY + " where id = ? for update skip locked", deliveryId);
    }

    @Override
    public Conversation conversationOf(UUID deliveryId) {
        return jdbc.sql("select correlation_id, traceparent from delivery where id = ?")
                .param(deliveryId)
                .query((rs, row) ->
                        new Conversation(rs.getObject("correlation_id", UUID.class), rs.getString("traceparent")))
                .single();
    }

    @Override
    public boolean reserve(UUID deliveryId, Offer offer) {
        // No conflict target: the partial unique index "one open offer per courier" turns a lost race into 0 rows.
        return jdbc.sql("""
                        insert into offer (id, delivery_id, courier_id, status, offered_at, expires_at)
                        values (?, ?, ?, 'OPEN', ?, ?)
                        on conflict do nothing""")
                        .params(
                                offer.id(),
                                deliveryId,
                                offer.courierId(),
                                timestamp(offer.offeredAt()),
                                timestamp(offer.expiresAt()))
                        .update()
                == 1;
    }

    @Override
    public void save(Delivery delivery) {
        Optional<CourierPosition> position = delivery.courierPosition();
        jdbc.sql("""
                        update delivery set status = ?, courier_id = ?, courier_lat = ?, courier_lon = ?,
                            courier_position_at = ?, picked_up_at = ?, overdue_since = ?, waiting_since = ?,
                            sequence = ?, updated_at = ?
                        where id = ?""")
                .params(
                        delivery.status().name(),
                        delivery.courierId().orElse(null),
                        position.map(p -> p.position().lat()).orElse(null),
                        position.map(p -> p.position().lon()).orElse(null),
                        position.map(p -> timestamp(p.at())).orElse(null),
                        delivery.pickedUpAt()
                                .map(JdbcDeliveryRepository::timestamp)
                                .orElse(null),
                        delivery.overdueSince()
                                .map(JdbcDeliveryRepository::timestamp)
                                .orElse(null),
                        timestamp(delivery.waitingSince()),
                        delivery.sequence(),
                        timestamp(delivery.updatedAt()),
                        delivery.id())
                .update();
        for (Offer offer : delivery.offers()) {
            jdbc.sql("""
                            insert into offer (id, delivery_id, courier_id, status, offered_at, expires_at, closed_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (id) do update set status = excluded.status, closed_at = excluded.closed_at
                            where offer.status is distinct from excluded.status""")
                    .params(
                            offer.id(),
                            delivery.id(),
                            offer.courierId(),
                            offer.status().name(),
                            timestamp(offer.offeredAt()),
                            timestamp(offer.expiresAt()),
                            offer.closedAt() == null ? null : timestamp(offer.closedAt()))
                    .update();
        }
    }

    @Override
    public Optional<CourierPosition> positionOf(UUID courierId) {
        // The courier row's updated_at is the time of its last availability or location report, both of which
        // carry a position.
        return jdbc.sql("select lat, lon, updated_at from courier where id = ?")
                .param(courierId)
                .query((rs, row) -> new CourierPosition(
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")), instant(rs, "updated_at")))
                .optional();
    }

    /**
     * Parameters: excluded courier ids, pickup longitude, latitude, latitude, limit. The order by matches
     * courier_online_position_idx, so PostgreSQL walks that index nearest first (KNN-GiST) and stops at the limit
     * instead of reading every online courier.
     */
    static final String NEAREST_AVAILABLE_COURIERS = """
            select c.id, c.lat, c.lon from courier c
            where c.online
              and c.id <> all(?)
              and not exists (select 1 from offer o where o.courier_id = c.id and o.status = 'OPEN')
              and not exists (select 1 from delivery d
                              where d.courier_id = c.id and d.status in ('ASSIGNED', 'PICKED_UP'))
            order by point(c.lon * cos(radians(c.lat)), c.lat) <-> point(? * cos(radians(?)), ?)
            limit ?""";

    @Override
    public List<AvailableCourier> nearestAvailableCouriers(GeoPoint pickup, Set<UUID> excluded, int limit) {
        return jdbc.sql(NEAREST_AVAILABLE_COURIERS)
                .param(excluded.toArray(UUID[]::new))
                .param(pickup.lon())
                .param(pickup.lat())
                .param(pickup.lat())
                .param(limit)
                .query((rs, row) -> new AvailableCourier(
                        rs.getObject("id", UUID.class), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"))))
                .list();
    }

    @Override
    public List<UUID> withExpiredOffer(int limit) {
        return jdbc.sql("""
                        select delivery_id from offer
                        where status = 'OPEN' and expires_at <= now()
                        order by expires_at limit ?""")
                .param(limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Override
    public List<UUID> withCourierLost(Duration silenceTimeout, Duration pickupTimeout, int limit) {
        // The same rule as Delivery.courierLost, by the database clock; the courier row's updated_at is their last
        // availability or location report.
        return jdbc.sql("""
                        select d.id from delivery d
                        join offer o on o.delivery_id = d.id and o.courier_id = d.courier_id and o.status = 'ACCEPTED'
                        join courier c on c.id = d.courier_id
                        where d.status = 'ASSIGNED'
                          and (o.closed_at <= now() - make_interval(secs => :pickup)
                               or greatest(o.closed_at, c.updated_at) <= now() - make_interval(secs => :silence))
                        order by o.closed_at limit :limit""")
                .param("pickup", seconds(pickupTimeout))
                .param("silence", seconds(silenceTimeout))
                .param("limit", limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Override
    public List<UUID> overdue(Duration overdueAfter, int limit) {
        return jdbc.sql("""
                        select id from delivery
                        where status = 'PICKED_UP' and overdue_since is null
                          and picked_up_at <= now() - make_interval(secs => ?)
                        order by picked_up_at limit ?""")
                .params(seconds(overdueAfter), limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Override
    public long overdueNow() {
        return jdbc.sql("select count(*) from delivery where status = 'PICKED_UP' and overdue_since is not null")
                .query(Long.class)
                .single();
    }

    @Override
    public void takeOffline(UUID courierId) {
        // updated_at stays the time of their last report: going offline here is not a report from the courier.
        jdbc.sql("update courier set online = false where id = ?")
                .param(courierId)
                .update();
    }

    @Override
    public List<UUID> waiting(int limit) {
        return jdbc.sql("select id from delivery where status = 'WAITING' order by requested_at limit ?")
                .param(limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Override
    public Optional<Delivery> offeredTo(UUID courierId) {
        return jdbc.sql("select delivery_id from offer where courier_id = ? and status = 'OPEN' and expires_at > now()")
                .param(courierId)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .optional()
                .flatMap(id -> load(SELECT_DELIVERY + " where id = ?", id));
    }

    private Optional<Delivery> load(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(this::delivery).optional();
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Offer> offers = jdbc.sql("""
                        select id, courier_id, status, offered_at, expires_at, closed_at
                        from offer where delivery_id = ? order by offered_at, id""")
                .param(id)
                .query((o, n) -> new Offer(
                        o.getObject("id", UUID.class),
                        o.getObject("courier_id", UUID.class),
                        instant(o, "offered_at"),
                        instant(o, "expires_at"),
                        OfferStatus.valueOf(o.getString("status")),
                        instant(o, "closed_at")))
                .list();
        return new Delivery(
                id,
                rs.getObject("order_id", UUID.class),
                rs.getObject("restaurant_id", UUID.class),
                rs.getString("restaurant_name"),
                new GeoPoint(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lon")),
                new Address(
                        rs.getString("dropoff_line1"),
                        rs.getString("dropoff_city"),
                        new GeoPoint(rs.getDouble("dropoff_lat"), rs.getDouble("dropoff_lon"))),
                instant(rs, "requested_at"),
                instant(rs, "waiting_since"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getObject("courier_id", UUID.class),
                courierPosition(rs),
                instant(rs, "picked_up_at"),
                instant(rs, "overdue_since"),
                offers,
                rs.getLong("sequence"),
                instant(rs, "updated_at"));
    }

    private static CourierPosition courierPosition(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "courier_position_at");
        return at == null
                ? null
                : new CourierPosition(new GeoPoint(rs.getDouble("courier_lat"), rs.getDouble("courier_lon")), at);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
