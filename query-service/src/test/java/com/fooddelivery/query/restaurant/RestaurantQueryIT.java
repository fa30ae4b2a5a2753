package com.fooddelivery.query.restaurant;

import static com.fooddelivery.query.QueryServiceTests.JSON;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.MG_ROAD;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.atVersion;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.dish;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.hours;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.kolkata;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.restaurant;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.soldOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.query.QueryServiceTests;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * restaurants.events → Elasticsearch → search and browse, on real Kafka and Elasticsearch, at a fixed time: Wednesday
 * 06:30 UTC, which is 12:00 in Kolkata, 06:30 in London, 01:30 in New York and 15:30 in Tokyo.
 *
 * <p>The index sees every restaurant published on the shared Kafka while the test runs, other runs' too (order-service
 * publishes its demo catalog, Saravana Bhavan included, around the same street). So results are judged only by this
 * run's restaurants ({@link #ours}), in their order, and counts only where a cuisine belongs to this run alone.
 */
@ServiceIntegrationTest
class RestaurantQueryIT {

    private static final Instant NOW = Instant.parse("2026-11-25T06:30:00Z");
    private static final String RUN = QueryServiceTests.newRun();
    /** This run's own cuisine name, so that its count is not disturbed by other runs' restaurants. */
    private static final String SOUTH_INDIAN = "South Indian " + RUN;

    // Around MG Road, Bengaluru; open at noon unless said otherwise.
    private static final RestaurantChanged SARAVANA_BHAVAN = restaurant(
            UUID.randomUUID(),
            "Saravana Bhavan",
            SOUTH_INDIAN,
            new GeoPoint(12.9752, 77.6065),
            kolkata("07:00", "22:30"),
            List.of(
                    dish("Masala Dosa", "Crispy rice crepe with spiced potato", 120),
                    dish("Filter Coffee", "Chicory coffee with frothed milk", 40),
                    soldOut("Rava Kesari", "Semolina sweet with saffron", 60)));
    private static final RestaurantChanged DOSA_CORNER = restaurant(
            UUID.randomUUID(),
            "Dosa Corner",
            SOUTH_INDIAN,
            new GeoPoint(12.9784, 77.6408), // Indiranagar, ~3.8 km
            kolkata("11:00", "15:00"),
            List.of(dish("Ghee Roast Dosa", "Roasted in ghee, with chutney", 140)));
    private static final RestaurantChanged MEGHANA_FOODS = restaurant(
            UUID.randomUUID(),
            "Meghana Foods",
            "Biryani",
            new GeoPoint(12.9352, 77.6245), // Koramangala, ~4.9 km
            kolkata("11:30", "01:00"),
            List.of(
                    dish("Chicken Biryani", "Andhra style, spicy", 320),
                    dish("Paneer 65", "Fried cottage cheese", 240)));
    private static final RestaurantChanged NIGHT_DOSA_CLUB = restaurant(
            UUID.randomUUID(),
            "Night Dosa Club",
            SOUTH_INDIAN,
            new GeoPoint(12.9716, 77.5946), // ~1.3 km, but opens in the evening
            kolkata("18:00", "03:00"),
            List.of(dish("Butter Dosa", "With white butter", 110)));
    private static final RestaurantChanged AIRPORT_DOSA_HUB = restaurant(
            UUID.randomUUID(),
            "Airport Dosa Hub",
            SOUTH_INDIAN,
            new GeoPoint(13.1989, 77.7068), // Kempegowda airport, ~27 km
            kolkata("00:00", "00:00"),
            List.of(dish("Podi Idli", "Steamed rice cakes with gunpowder", 150)));
    // Elsewhere: each must be judged by its own wall clock.
    private static final RestaurantChanged LONDON_NIGHT_KITCHEN = restaurant(
            UUID.randomUUID(),
            "London Night Kitchen",
            "British",
            new GeoPoint(51.5074, -0.1278),
            hours("22:00", "07:00", "Europe/London"),
            List.of(dish("Full Breakfast", "Eggs, beans, toast", 1200)));
    private static final RestaurantChanged NEW_YORK_DELI = restaurant(
            UUID.randomUUID(),
            "New York Deli",
            "American",
            new GeoPoint(40.7128, -74.0060),
            hours("06:00", "23:00", "America/New_York"),
            List.of(dish("Pastrami Sandwich", "On rye", 1500)));
    private static final RestaurantChanged BROOKLYN_LATE_SLICE = restaurant(
            UUID.randomUUID(),
            "Brooklyn Late Slice",
            "Pizza",
            new GeoPoint(40.6782, -73.9442),
            hours("18:00", "02:00", "America/New_York"),
            List.of(dish("Pepperoni Slice", "Thin crust", 450)));
    private static final RestaurantChanged TOKYO_RAMEN_BAR = restaurant(
            UUID.randomUUID(),
            "Tokyo Ramen Bar",
            "Japanese",
            new GeoPoint(35.6762, 139.6503),
            hours("11:00", "15:00", "Asia/Tokyo"),
            List.of(dish("Tonkotsu Ramen", "Pork bone broth", 1100)));

    private static final List<RestaurantChanged> CATALOG = List.of(
            SARAVANA_BHAVAN,
            DOSA_CORNER,
            MEGHANA_FOODS,
            NIGHT_DOSA_CLUB,
            AIRPORT_DOSA_HUB,
            LONDON_NIGHT_KITCHEN,
            NEW_YORK_DELI,
            BROOKLYN_LATE_SLICE,
            TOKYO_RAMEN_BAR);
    private static final List<RestaurantChanged> OPEN_NOW = List.of(
            SARAVANA_BHAVAN, DOSA_CORNER, MEGHANA_FOODS, AIRPORT_DOSA_HUB, LONDON_NIGHT_KITCHEN, BROOKLYN_LATE_SLICE);
    private static final List<RestaurantChanged> CLOSED_NOW = List.of(NIGHT_DOSA_CLUB, NEW_YORK_DELI, TOKYO_RAMEN_BAR);

    /** Ids of the restaurants this run published. */
    private static final Set<String> OURS = ConcurrentHashMap.newKeySet();

    private static boolean catalogPublished;

    @TestBean(name = RestaurantConfiguration.CLOCK, methodName = "fixedClock")
    Clock clock;

    static Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        QueryServiceTests.readWithOwnGroupAndIndices(registry, RUN);
    }

    @AfterAll
    static void dropIndices() {
        QueryServiceTests.deleteIndicesOf(RUN);
    }

    @LocalServerPort
    int port;

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        QueryServiceTests.awaitPartitions(listeners);
    }

    /** The catalog, published once for every test and searchable before the first one starts. */
    @BeforeEach
    void publishCatalog() throws Exception {
        if (catalogPublished) {
            return;
        }
        for (RestaurantChanged restaurant : CATALOG) {
            publish(restaurant);
        }
        for (RestaurantChanged restaurant : CATALOG) {
            awaitVersion(restaurant.restaurantId(), 1);
        }
        refresh();
        catalogPublished = true;
    }

    @Test
    void finds_restaurants_by_name_and_ranks_name_matches_above_dishes() throws Exception {
        List<String> found = names(search("q=dosa&size=50"));

        assertThat(found).hasSize(3);
        assertThat(found.subList(0, 2))
                .as("Airport Dosa Hub has no dosa on its menu, only in its name")
                .containsExactlyInAnyOrder("Dosa Corner", "Airport Dosa Hub");
        assertThat(found.get(2)).as("only a dish matches").isEqualTo("Saravana Bhavan");
    }

    @Test
    void finds_a_restaurant_by_a_dish_or_its_description_forgiving_typos() throws Exception {
        assertThat(names(search("size=50&q=" + encode("filter coffee")))).containsExactly("Saravana Bhavan");
        assertThat(names(search("size=50&q=potato"))).containsExactly("Saravana Bhavan");
        assertThat(names(search("size=50&q=biriyani"))).containsExactly("Meghana Foods");
        assertThat(names(search("size=50&q=ramen"))).as("closed in Tokyo").isEmpty();
    }

    @Test
    void a_sold_out_dish_does_not_make_its_restaurant_match() throws Exception {
        assertThat(names(search("q=kesari&size=50"))).isEmpty();
        assertThat(names(search("q=saffron&size=50"))).as("nor its description").isEmpty();
    }

    @Test
    void filters_by_cuisine_ignoring_case_and_pages_through_the_results_by_name() throws Exception {
        JsonNode first = search("cuisine=" + encode(SOUTH_INDIAN.toLowerCase(Locale.ROOT)) + "&size=2");
        JsonNode second = search("cuisine=" + encode(SOUTH_INDIAN.toUpperCase(Locale.ROOT)) + "&size=2&page=1");

        assertThat(names(first)).containsExactly("Airport Dosa Hub", "Dosa Corner");
        assertThat(names(second)).containsExactly("Saravana Bhavan");
        assertThat(first.get("totalItems").asLong())
                .as("Night Dosa Club is closed")
                .isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(first.at("/items/0/cuisine").asString()).isEqualTo(SOUTH_INDIAN);
    }

    @Test
    void within_a_radius_finds_the_nearest_first_with_the_distance() throws Exception {
        String near = "size=50&lat=" + MG_ROAD.lat() + "&lon=" + MG_ROAD.lon();

        List<JsonNode> within6 = ours(search(near + "&radiusKm=6"));
        assertThat(names(within6)).containsExactly("Saravana Bhavan", "Dosa Corner", "Meghana Foods");
        assertThat(within6.get(0).get("distanceKm").asDouble()).isLessThan(0.2);
        assertThat(within6.get(1).get("distanceKm").asDouble()).isBetween(3.0, 4.5);
        assertThat(within6.get(2).get("distanceKm").asDouble()).isBetween(4.5, 5.5);

        assertThat(names(search(near + "&radiusKm=4"))).containsExactly("Saravana Bhavan", "Dosa Corner");
        assertThat(names(search(near)))
                .as("10 km by default")
                .containsExactly("Saravana Bhavan", "Dosa Corner", "Meghana Foods");
        assertThat(names(search(near + "&radiusKm=30")))
                .containsExactly("Saravana Bhavan", "Dosa Corner", "Meghana Foods", "Airport Dosa Hub");
        assertThat(names(search(near + "&radiusKm=30&q=dosa")))
                .as("by distance, not by relevance")
                .containsExactly("Saravana Bhavan", "Dosa Corner", "Airport Dosa Hub");
    }

    @Test
    void only_restaurants_open_now_by_their_own_wall_clock_are_found() throws Exception {
        for (RestaurantChanged open : OPEN_NOW) {
            List<JsonNode> found = ours(search("q=" + encode(open.name())));
            assertThat(names(found)).as("open").containsExactly(open.name());
            assertThat(found.getFirst().get("openNow").asBoolean()).isTrue();
            assertThat(found.getFirst().has("distanceKm"))
                    .as("no location searched")
                    .isFalse();
        }
        for (RestaurantChanged closed : CLOSED_NOW) {
            assertThat(names(search("q=" + encode(closed.name())))).as("closed").isEmpty();
        }
        JsonNode brooklyn = ours(search("q=brooklyn")).getFirst();
        assertThat(brooklyn.get("opensAt").asString()).isEqualTo("18:00");
        assertThat(brooklyn.get("closesAt").asString()).isEqualTo("02:00");
        assertThat(brooklyn.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(brooklyn.at("/location/lat").asDouble()).isEqualTo(40.6782);
    }

    @Test
    void a_restaurant_shows_its_whole_menu_and_an_etag_that_makes_polling_cheap() throws Exception {
        HttpResponse<String> response = get(SARAVANA_BHAVAN.restaurantId(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode restaurant = JSON.readTree(response.body());
        assertThat(restaurant.get("name").asString()).isEqualTo("Saravana Bhavan");
        assertThat(restaurant.get("openNow").asBoolean()).isTrue();
        assertThat(restaurant.get("opensAt").asString()).isEqualTo("07:00");
        assertThat(restaurant.get("closesAt").asString()).isEqualTo("22:30");
        assertThat(restaurant.get("menu").size()).isEqualTo(3);
        JsonNode kesari = restaurant.get("menu").get(2);
        assertThat(kesari.get("name").asString()).isEqualTo("Rava Kesari");
        assertThat(kesari.get("available").asBoolean()).isFalse();
        assertThat(kesari.at("/price/amountMinor").asLong()).isEqualTo(6000);
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("W/\"1-open\"");

        HttpResponse<String> poll = get(SARAVANA_BHAVAN.restaurantId(), etag);
        assertThat(poll.statusCode()).isEqualTo(304);
        assertThat(poll.body()).isEmpty();
    }

    @Test
    void restaurant_and_search_pages_may_be_kept_by_any_cache_and_come_gzipped_when_asked() throws Exception {
        HttpResponse<String> plain = get(SARAVANA_BHAVAN.restaurantId(), null);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("max-age=30, public");
        assertThat(searchResponse("q=dosa").headers().firstValue("Cache-Control"))
                .hasValue("max-age=10, public");

        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/restaurants/" + SARAVANA_BHAVAN.restaurantId()))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary"))
                .hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("accept-encoding"));
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(plain.body());
        }
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(etag)
                .as("the same menu in other bytes")
                .isEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(get(SARAVANA_BHAVAN.restaurantId(), etag).statusCode()).isEqualTo(304);
    }

    @Test
    void a_closed_restaurant_can_be_browsed_and_says_it_is_closed() throws Exception {
        HttpResponse<String> response = get(NIGHT_DOSA_CLUB.restaurantId(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("openNow").asBoolean()).isFalse();
        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"1-closed\"");
    }

    @Test
    void an_unknown_restaurant_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get(UUID.randomUUID(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/restaurant-not-found");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_stale_or_repeated_version_never_moves_a_restaurant_backwards() throws Exception {
        RestaurantChanged udupi = restaurant(
                UUID.randomUUID(),
                "Udupi Grand",
                "Udupi",
                new GeoPoint(19.0760, 72.8777),
                kolkata("00:00", "00:00"),
                List.of(dish("Neer Dosa", "Thin rice crepe", 90)));
        publish(atVersion(udupi, 2, "Udupi Grand second"));
        awaitVersion(udupi.restaurantId(), 2);

        publish(atVersion(udupi, 1, "Udupi Grand first"));
        publish(atVersion(udupi, 2, "Udupi Grand second again"));
        publish(atVersion(udupi, 3, "Udupi Grand third"));
        RecordMetadata last = publish(atVersion(udupi, 3, "Udupi Grand third again"));
        QueryServiceTests.awaitConsumed(RUN, last);
        refresh();

        JsonNode restaurant = JSON.readTree(get(udupi.restaurantId(), null).body());
        assertThat(restaurant.get("version").asLong()).isEqualTo(3);
        assertThat(restaurant.get("name").asString()).isEqualTo("Udupi Grand third");
        assertThat(names(search("q=udupi"))).containsExactly("Udupi Grand third");
    }

    @Test
    void unprojectable_messages_are_parked_and_do_not_block_the_restaurant_behind_them() throws Exception {
        RestaurantChanged valid = restaurant(
                UUID.randomUUID(),
                "Mangalore Pearl",
                "Coastal",
                new GeoPoint(12.8698, 74.8430),
                kolkata("11:00", "23:00"),
                List.of(dish("Kori Rotti", "Chicken curry with rice wafers", 280)));
        String key = valid.restaurantId().toString();
        publish(key, "RestaurantTeleported", "{}");
        publish(key, "RestaurantChanged", "{not json");
        publish(atVersionWithHours(valid, hours("11:00", "23:00", "Mars/Olympus_Mons")));
        publish(valid);

        awaitVersion(valid.restaurantId(), 1);
        List<String> reasons = QueryServiceTests.deadLetterReasons(Topics.RESTAURANTS_EVENTS, key, 3);
        assertThat(reasons).hasSize(3);
        assertThat(reasons).anyMatch(reason -> reason.contains("RestaurantTeleported"));
        assertThat(reasons).anyMatch(reason -> reason.contains("Mars/Olympus_Mons"));
    }

    @ParameterizedTest
    @CsvSource({
        "lat=91&lon=77.6, lat",
        "lat=12.9&lon=-181, lon",
        "lat=NaN&lon=77.6, lat",
        "lat=12.9, lon",
        "lon=77.6, lat",
        "radiusKm=5, radiusKm",
        "lat=12.9&lon=77.6&radiusKm=51, radiusKm",
        "lat=12.9&lon=77.6&radiusKm=0, radiusKm",
        "size=51, size",
        "size=0, size",
        "page=-1, page",
        "page=200&size=50, page",
    })
    void a_bad_search_parameter_is_a_400_problem_naming_it(String query, String parameter) throws Exception {
        HttpResponse<String> response = searchResponse(query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/invalid-request");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains(parameter);
    }

    @Test
    void a_search_parameter_of_the_wrong_type_is_a_400_problem_naming_it() throws Exception {
        HttpResponse<String> response = searchResponse("lat=north&lon=77.6");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("lat");
    }

    private static RestaurantChanged atVersionWithHours(
            RestaurantChanged restaurant, com.fooddelivery.contracts.restaurant.OpeningHours hours) {
        return new RestaurantChanged(
                restaurant.restaurantId(),
                restaurant.version(),
                restaurant.name(),
                restaurant.cuisine(),
                restaurant.location(),
                hours,
                restaurant.menu(),
                restaurant.changedAt());
    }

    private static RecordMetadata publish(RestaurantChanged restaurant) throws Exception {
        OURS.add(restaurant.restaurantId().toString());
        return publish(restaurant.restaurantId().toString(), "RestaurantChanged", JSON.writeValueAsString(restaurant));
    }

    private static RecordMetadata publish(String key, String type, String payload) throws Exception {
        return QueryServiceTests.publish(Topics.RESTAURANTS_EVENTS, key, type, payload);
    }

    private void awaitVersion(UUID restaurantId, long version) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = get(restaurantId, null);
                    return response.statusCode() == 200
                            && JSON.readTree(response.body()).get("version").asLong() == version;
                });
    }

    /** Restaurants are public: every read here is anonymous. */
    private HttpResponse<String> get(UUID restaurantId, String ifNoneMatch) {
        return QueryServiceTests.get(
                port,
                "/restaurants/" + restaurantId,
                ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> response = searchResponse(query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> searchResponse(String query) {
        return QueryServiceTests.get(port, "/restaurants/search?" + query, Map.of());
    }

    /** The items of a page that this run published, in the page's order. */
    private static List<JsonNode> ours(JsonNode page) {
        List<JsonNode> ours = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (OURS.contains(item.get("restaurantId").asString())) {
                ours.add(item);
            }
        });
        return ours;
    }

    private static List<String> names(JsonNode page) {
        return names(ours(page));
    }

    private static List<String> names(List<JsonNode> items) {
        return items.stream().map(item -> item.get("name").asString()).toList();
    }

    /** Makes everything indexed so far searchable now, instead of within the index's refresh interval. */
    private static void refresh() throws Exception {
        HttpResponse<String> response = QueryServiceTests.HTTP.send(
                HttpRequest.newBuilder(URI.create(Infrastructure.get().elasticsearchUrl() + "/"
                                + QueryServiceTests.indexPrefix(RUN) + "restaurants/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
