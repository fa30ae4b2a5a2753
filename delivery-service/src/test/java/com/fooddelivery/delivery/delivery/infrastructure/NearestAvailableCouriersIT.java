package com.fooddelivery.delivery.delivery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.delivery.delivery.application.DeliveryRepository;
import com.fooddelivery.delivery.delivery.domain.AvailableCourier;
import com.fooddelivery.delivery.delivery.domain.GeoPoint;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Dispatch reads the few nearest available couriers, through an index, however many are online: on real PostgreSQL
 * with 20,000 couriers online around the city.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "delivery.sweep-interval=1h")
class NearestAvailableCouriersIT {

    /** MG Road, Bengaluru. */
    private static final GeoPoint PICKUP = new GeoPoint(12.9750, 77.6060);

    private static final UUID AT_THE_DOOR = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID HALF_A_KM = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID ONE_KM_BUT_REFUSED = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID ONE_AND_A_HALF_KM_BUT_OFFLINE = UUID.fromString("00000000-0000-4000-8000-000000000004");
    private static final UUID TWO_KM_BUT_ON_A_DELIVERY = UUID.fromString("00000000-0000-4000-8000-000000000005");
    private static final UUID TWO_AND_A_HALF_KM_BUT_OFFERED = UUID.fromString("00000000-0000-4000-8000-000000000006");
    private static final UUID THREE_KM = UUID.fromString("00000000-0000-4000-8000-000000000007");
    /** One degree of latitude is about 111 km. */
    private static final double KM_IN_DEGREES = 1 / 111.2;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void twentyThousandCouriersOnlineFiveKmAndFurtherAwayAndSomeNear() {
        jdbc.update("delete from offer");
        jdbc.update("delete from delivery");
        jdbc.update("delete from courier");
        // A ring of couriers 5 to 25 km from the pickup, none nearer.
        jdbc.update("""
                insert into courier (id, online, lat, lon)
                select gen_random_uuid(), true,
                       ? + (5 + 20 * random()) / 111.2 * sin(2 * pi() * n / 20000.0),
                       ? + (5 + 20 * random()) / 111.2 * cos(2 * pi() * n / 20000.0)
                from generate_series(1, 20000) n""", PICKUP.lat(), PICKUP.lon());
        courierNorthOfThePickup(AT_THE_DOOR, 0.0, true);
        courierNorthOfThePickup(HALF_A_KM, 0.5, true);
        courierNorthOfThePickup(ONE_KM_BUT_REFUSED, 1.0, true);
        courierNorthOfThePickup(ONE_AND_A_HALF_KM_BUT_OFFLINE, 1.5, false);
        courierNorthOfThePickup(TWO_KM_BUT_ON_A_DELIVERY, 2.0, true);
        courierNorthOfThePickup(TWO_AND_A_HALF_KM_BUT_OFFERED, 2.5, true);
        courierNorthOfThePickup(THREE_KM, 3.0, true);
        UUID assigned = delivery("ASSIGNED", TWO_KM_BUT_ON_A_DELIVERY);
        UUID waiting = delivery("WAITING", null);
        jdbc.update(
                "insert into offer (id, delivery_id, courier_id, status, offered_at, expires_at)"
                        + " values (gen_random_uuid(), ?, ?, 'OPEN', now(), now() + interval '30 seconds')",
                waiting,
                TWO_AND_A_HALF_KM_BUT_OFFERED);
        assertThat(assigned).isNotNull();
        jdbc.execute("analyze courier");
    }

    @Test
    void finds_the_nearest_couriers_who_are_online_free_and_have_not_refused_nearest_first() {
        List<AvailableCourier> nearest = deliveries.nearestAvailableCouriers(PICKUP, Set.of(ONE_KM_BUT_REFUSED), 3);

        assertThat(nearest).extracting(AvailableCourier::courierId).containsExactly(AT_THE_DOOR, HALF_A_KM, THREE_KM);
    }

    @Test
    void reads_the_nearest_couriers_through_the_position_index_instead_of_every_online_courier() {
        List<String> plan = jdbc.query(
                "explain (analyze, format text) " + JdbcDeliveryRepository.NEAREST_AVAILABLE_COURIERS,
                (rs, row) -> rs.getString(1),
                new UUID[] {ONE_KM_BUT_REFUSED},
                PICKUP.lon(),
                PICKUP.lat(),
                PICKUP.lat(),
                20);

        String whole = String.join("\n", plan);
        assertThat(whole).contains("Index Scan using courier_online_position_idx");
        // A walk of the index in distance order: it stops after a few rows, never reads the 20,000.
        assertThat(whole).doesNotContain("Seq Scan on courier").doesNotContain("Sort");
    }

    private void courierNorthOfThePickup(UUID id, double km, boolean online) {
        jdbc.update(
                "insert into courier (id, online, lat, lon) values (?, ?, ?, ?)",
                id,
                online,
                PICKUP.lat() + km * KM_IN_DEGREES,
                PICKUP.lon());
    }

    private UUID delivery(String status, UUID courier) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into delivery (id, order_id, restaurant_id, restaurant_name, pickup_lat, pickup_lon,
                                      dropoff_line1, dropoff_city, dropoff_lat, dropoff_lon, status, courier_id,
                                      requested_at, waiting_since, correlation_id)
                values (?, gen_random_uuid(), gen_random_uuid(), 'Kitchen', ?, ?, '1 Road', 'Bengaluru', 12.97, 77.59,
                        ?, ?, now(), now(), gen_random_uuid())""", id, PICKUP.lat(), PICKUP.lon(), status, courier);
        return id;
    }
}
