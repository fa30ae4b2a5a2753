package com.fooddelivery.order.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.order.catalog.OutboxLog;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Two publishers at once (as two instances starting together) share the pending restaurants between them: every
 * restaurant is written to the outbox exactly once. The relay is off: what matters here is what reaches the outbox,
 * and 250 test restaurants have no business on the shared topic.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "messaging.relay.enabled=false")
class ConcurrentCatalogPublicationIT {

    private static final int RESTAURANTS = 250; // more than two batches of CatalogPublisher.BATCH_SIZE

    @Autowired
    CatalogPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void two_publishers_at_once_publish_each_pending_restaurant_exactly_once() throws Exception {
        OutboxLog.install(jdbc);
        List<String> pending = insertUnpublishedRestaurants();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return publisher.publishAllPending();
                }));
            }
            start.countDown();
        }

        assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(RESTAURANTS);
        assertThat(OutboxLog.entries(jdbc, Topics.RESTAURANTS_EVENTS))
                .extracting(OutboxLog.Entry::key)
                .containsExactlyInAnyOrderElementsOf(pending);
        assertThat(publisher.publishAllPending()).as("nothing is left").isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from restaurant where published_version <> version", Integer.class))
                .isZero();
    }

    /** Restaurants as a migration would add them: at version 1, never published. */
    private List<String> insertUnpublishedRestaurants() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RESTAURANTS; i++) {
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    insert into restaurant (id, name, cuisine, lat, lon, opens_at, closes_at, time_zone)
                    values (?, ?, 'Cafe', 12.97, 77.59, '08:00', '20:00', 'Asia/Kolkata')""", id, "Cafe " + i);
            jdbc.update("""
                    insert into menu_item (id, restaurant_id, name, description, price_minor, currency, available,
                                           position)
                    values (?, ?, 'Filter Coffee', '', 4500, 'INR', true, 0)""", UUID.randomUUID(), id);
            ids.add(id.toString());
        }
        return ids;
    }
}
