package com.fooddelivery.order.catalog.messaging;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.outbox.Outbox;
import com.fooddelivery.order.catalog.application.CatalogPublication;
import com.fooddelivery.order.catalog.domain.Restaurant;
import com.fooddelivery.order.catalog.domain.Restaurants;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a restaurant reaches {@code restaurants.events}: a restaurant whose {@code version} is ahead of its
 * {@code published_version} is locked ({@code for update skip locked}, so two instances never take the same one), its
 * complete state is written to the outbox as {@code RestaurantChanged}, and {@code published_version} is set to
 * {@code version}, all in one transaction. Every catalog change calls it in its own transaction; at startup it
 * publishes what no change published (the catalog migrated by Flyway), once: a restart finds nothing pending.
 */
@Component
class CatalogPublisher implements CatalogPublication, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogPublisher.class);

    /** Restaurants per transaction at startup: bounds the transaction and its locks on a large catalog. */
    static final int BATCH_SIZE = 100;

    private static final String PENDING = "select id from restaurant where version > published_version";

    private final JdbcClient jdbc;
    private final Restaurants restaurants;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    CatalogPublisher(JdbcClient jdbc, Restaurants restaurants, Outbox outbox, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.restaurants = restaurants;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publishPending(UUID restaurantId, MessageContext context) {
        publish(
                jdbc.sql(PENDING + " and id = ? for update skip locked")
                        .param(restaurantId)
                        .query(UUID.class)
                        .list(),
                context);
    }

    /** At startup, after Flyway and before the service reports ready. A failure fails the start. */
    @Override
    public void run(ApplicationArguments args) {
        int published = publishAllPending();
        if (published > 0) {
            log.info("Published {} restaurant(s) with unpublished changes on restaurants.events", published);
        }
    }

    /**
     * Publishes every restaurant with an unpublished version, in transactions of up to {@link #BATCH_SIZE}. Rows
     * another instance holds are skipped: that instance publishes them.
     *
     * @return how many restaurants this call published
     */
    int publishAllPending() {
        MessageContext context = MessageContext.startedBy(UUID.randomUUID());
        int total = 0;
        int published;
        do {
            published = transactions.execute(status -> publish(
                    jdbc.sql(PENDING + " order by id limit ? for update skip locked")
                            .param(BATCH_SIZE)
                            .query(UUID.class)
                            .list(),
                    context));
            total += published;
        } while (published == BATCH_SIZE);
        return total;
    }

    private int publish(List<UUID> lockedRestaurantIds, MessageContext context) {
        for (UUID restaurantId : lockedRestaurantIds) {
            Restaurant restaurant = restaurants
                    .find(restaurantId)
                    .orElseThrow(() -> new IllegalStateException("Restaurant " + restaurantId + " vanished"));
            outbox.send(
                    restaurantId.toString(),
                    CatalogContractMapping.restaurantChanged(restaurant),
                    restaurant.changedAt(),
                    context);
            jdbc.sql("update restaurant set published_version = ? where id = ?")
                    .params(restaurant.version(), restaurantId)
                    .update();
        }
        return lockedRestaurantIds.size();
    }
}
