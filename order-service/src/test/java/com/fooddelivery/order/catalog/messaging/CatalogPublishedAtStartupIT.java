package com.fooddelivery.order.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.order.OrderServiceApplication;
import com.fooddelivery.order.catalog.OutboxLog;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.TestDatabase;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalog migrated by Flyway reaches restaurants.events once: at the first start, one RestaurantChanged per
 * restaurant at version 1 with its whole menu; a second start of the service on the same database publishes nothing.
 *
 * <p>The demo restaurants have fixed ids, and every test class (and every run, and other engineers' runs) publishes
 * them on the shared Kafka. This run's messages are told apart by {@code changedAt}: V6 stamps the rows with the time
 * of the migration into this test's own database.
 */
class CatalogPublishedAtStartupIT {

    private static final Set<String> DEMO_RESTAURANTS = Set.of(
            "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10",
            "1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21",
            "2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32",
            "3e0f7c1b-5a46-4d8b-9c94-9f2a5d4b8e43",
            "4f1a8d2c-6b57-4e9c-8da5-0a3b6e5c9f54");
    private static final String SARAVANA_BHAVAN = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestDatabase database;

    @BeforeAll
    static void ownDatabase() {
        database = Infrastructure.get().newDatabase("order-service");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void each_demo_restaurant_is_published_once_at_version_1_and_a_restart_publishes_nothing_again() throws Exception {
        Map<String, Instant> migratedAt;
        ConfigurableApplicationContext first = startService();
        // Opened once the service has declared the topic; it reads from the beginning, so it misses nothing.
        try (RestaurantsEvents topic = new RestaurantsEvents()) {
            try (first) {
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                migratedAt = changedAtByRestaurant(jdbc);
                assertThat(migratedAt).containsOnlyKeys(DEMO_RESTAURANTS);

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> thisRunsStartupMessages(topic.catchUp(), migratedAt)
                                        .size()
                                >= 5);
                List<ConsumerRecord<String, String>> published = thisRunsStartupMessages(topic.catchUp(), migratedAt);

                assertThat(published)
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(DEMO_RESTAURANTS);
                for (ConsumerRecord<String, String> record : published) {
                    assertThat(KafkaProbe.header(record, MessageHeaders.TYPE)).isEqualTo("RestaurantChanged");
                    JsonNode restaurant = JSON.readTree(record.value());
                    assertThat(restaurant.get("version").asLong()).isEqualTo(1);
                    assertThat(restaurant.get("restaurantId").asString()).isEqualTo(record.key());
                    assertThat(menuOf(restaurant)).isEqualTo(menuInDatabase(jdbc, record.key()));
                }
                JsonNode saravana = published.stream()
                        .filter(record -> record.key().equals(SARAVANA_BHAVAN))
                        .map(record -> JSON.readTree(record.value()))
                        .findFirst()
                        .orElseThrow();
                assertThat(saravana.get("name").asString()).isEqualTo("Saravana Bhavan");
                assertThat(saravana.get("cuisine").asString()).isEqualTo("South Indian");
                assertThat(saravana.at("/location/lat").asDouble()).isEqualTo(12.9719);
                assertThat(saravana.at("/openingHours/timeZone").asString()).isEqualTo("Asia/Kolkata");
                assertThat(saravana.get("menu")).hasSize(4);
                assertThat(saravana.at("/menu/3/available").asBoolean())
                        .as("sold out, still listed")
                        .isFalse();
                assertThat(jdbc.queryForList("select published_version from restaurant", Long.class))
                        .containsOnly(1L);
                OutboxLog.install(jdbc); // for the second start
            }

            try (ConfigurableApplicationContext second = startService()) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                // A change after the restart is the marker: once it is on the topic, whatever the restart itself
                // wrote to the outbox before it (nothing, we expect) has been relayed too. It is a restaurant of its
                // own: a new version of a demo restaurant would outrank the demo catalog in every reader of the
                // shared topic.
                int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                String marker = registerRestaurant(port);
                KafkaProbe.awaitRecords(Topics.RESTAURANTS_EVENTS, marker, 1);
                Thread.sleep(2000); // anything relayed in the same batch as the marker has been acknowledged by now

                assertThat(OutboxLog.entries(jdbc, Topics.RESTAURANTS_EVENTS))
                        .as("the restart wrote nothing to the outbox; the marker wrote one message")
                        .containsExactly(
                                new OutboxLog.Entry(Topics.RESTAURANTS_EVENTS, marker, "RestaurantChanged", 1));
                assertThat(thisRunsStartupMessages(topic.catchUp(), migratedAt))
                        .extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(DEMO_RESTAURANTS);
                assertThat(changedAtByRestaurant(jdbc)).containsAllEntriesOf(migratedAt);
                assertThat(jdbc.queryForList(
                                "select version || '/' || published_version from restaurant where id <> ?::uuid",
                                String.class,
                                marker))
                        .containsOnly("1/1");
            }
        }
    }

    /** Messages of the demo restaurants stamped with this database's migration time. */
    private static List<ConsumerRecord<String, String>> thisRunsStartupMessages(
            List<ConsumerRecord<String, String>> records, Map<String, Instant> migratedAt) {
        return records.stream()
                .filter(record -> DEMO_RESTAURANTS.contains(record.key()))
                .filter(record -> Instant.parse(
                                JSON.readTree(record.value()).get("changedAt").asString())
                        .equals(migratedAt.get(record.key())))
                .toList();
    }

    private static Map<String, Instant> changedAtByRestaurant(JdbcTemplate jdbc) {
        Map<String, Instant> changedAt = new HashMap<>();
        jdbc.query("select id, changed_at from restaurant", rs -> {
            changedAt.put(
                    rs.getString("id"),
                    rs.getObject("changed_at", OffsetDateTime.class).toInstant());
        });
        return changedAt;
    }

    private static List<String> menuOf(JsonNode restaurant) {
        List<String> items = new ArrayList<>();
        restaurant
                .get("menu")
                .forEach(item -> items.add(String.join(
                        "|",
                        item.get("itemId").asString(),
                        item.get("name").asString(),
                        item.get("description").asString(),
                        item.at("/price/amountMinor").asString(),
                        item.at("/price/currency").asString(),
                        item.get("available").asString())));
        return items;
    }

    private static List<String> menuInDatabase(JdbcTemplate jdbc, String restaurantId) {
        return jdbc.query(
                """
                select id, name, description, price_minor, currency, available from menu_item
                where restaurant_id = ?::uuid order by position""",
                (rs, row) -> String.join(
                        "|",
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("price_minor"),
                        rs.getString("currency"),
                        Boolean.toString(rs.getBoolean("available"))),
                restaurantId);
    }

    /**
     * The service on this test's database. The properties go first among the property sources (as
     * {@code RealInfrastructure} puts them): as default properties, {@code application.yml} would win and point the
     * service at the shared {@code orders} database. The initializer refuses to go on if they do not win.
     */
    private static ConfigurableApplicationContext startService() {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        return new SpringApplicationBuilder(OrderServiceApplication.class)
                .initializers(context -> {
                    context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new MapPropertySource("testDatabase", properties));
                    String url = context.getEnvironment().getProperty("spring.datasource.url");
                    if (!database.jdbcUrl().equals(url)) {
                        throw new IllegalStateException("Not starting on " + url + " instead of " + database.jdbcUrl());
                    }
                })
                .run();
    }

    /** @return the new restaurant's id */
    private static String registerRestaurant(int port) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "name",
                "Restart Marker Cafe",
                "cuisine",
                "Cafe",
                "location",
                Map.of("lat", 12.97, "lon", 77.59),
                "openingHours",
                Map.of("opensAt", "00:00", "closesAt", "00:00", "timeZone", "Asia/Kolkata"),
                "menu",
                List.of(Map.of(
                        "name",
                        "Filter Coffee",
                        "description",
                        "",
                        "price",
                        Map.of("amountMinor", 4500, "currency", "INR"),
                        "available",
                        true))));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/restaurants"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.admin())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("restaurantId").asString();
    }

    /** Everything on restaurants.events, read from the beginning and kept up to the end as of each catch-up. */
    private static final class RestaurantsEvents implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        RestaurantsEvents() {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            Infrastructure.get().kafkaBootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "probe-" + UUID.randomUUID(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new StringDeserializer());
            partitions = consumer.partitionsFor(Topics.RESTAURANTS_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ConsumerRecord<String, String>> catchUp() {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return List.copyOf(records);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
