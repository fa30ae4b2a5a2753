package com.fooddelivery.order.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.order.catalog.OutboxLog;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog endpoints on real PostgreSQL and Kafka: each change is stored and published as a new version in one
 * transaction, bad input changes nothing, and orders are priced from what the catalog holds. Every restaurant changed
 * here is created by the test: a new version of a demo restaurant on the shared topic would outrank the demo catalog
 * in every reader.
 */
@ServiceIntegrationTest
class RestaurantCatalogIT {

    private static final String DOSA_OF_SARAVANA_BHAVAN = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void logOutbox() {
        OutboxLog.install(jdbc);
    }

    @Test
    void a_new_restaurant_is_created_at_version_1_with_item_ids_and_published() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/restaurants"))
                        .header("Content-Type", "application/json")
                        .header("traceparent", traceparent)
                        .header("Authorization", TestTokens.admin())
                        .POST(HttpRequest.BodyPublishers.ofString(thaliHouse(restaurant -> {})))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        String restaurantId = created.get("restaurantId").asString();
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:8084/restaurants/" + restaurantId);
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.at("/openingHours/opensAt").asString()).isEqualTo("00:00");
        assertThat(created.get("menu"))
                .extracting(item -> item.get("name").asString())
                .containsExactly("Veg Thali", "Sweet Lassi", "Gulab Jamun");
        assertThat(created.get("menu")).allSatisfy(item -> assertThat(
                        UUID.fromString(item.get("itemId").asString()))
                .isNotNull());

        ConsumerRecord<String, String> published = KafkaProbe.awaitRecords(Topics.RESTAURANTS_EVENTS, restaurantId, 1)
                .getFirst();
        assertThat(KafkaProbe.header(published, MessageHeaders.TYPE)).isEqualTo("RestaurantChanged");
        assertThat(KafkaProbe.header(published, MessageHeaders.TRACEPARENT)).isEqualTo(traceparent);
        assertThat(KafkaProbe.header(published, MessageHeaders.OCCURRED_AT))
                .isEqualTo(created.get("changedAt").asString());
        JsonNode message = JSON.readTree(published.value());
        assertThat(message.get("version").asLong()).isEqualTo(1);
        assertThat(message.get("name").asString()).isEqualTo("Thali House");
        assertThat(message.get("menu")).isEqualTo(created.get("menu"));
        assertThat(message.get("changedAt")).isEqualTo(created.get("changedAt"));
        assertThat(jdbc.queryForObject(
                        "select version || '/' || published_version from restaurant where id = ?::uuid",
                        String.class,
                        restaurantId))
                .isEqualTo("1/1");
    }

    @Test
    void a_menu_change_is_published_as_version_2_with_the_new_menu_keeping_the_ids_of_kept_items() throws Exception {
        JsonNode created = register(thaliHouse(restaurant -> {}));
        String restaurantId = created.get("restaurantId").asString();
        String thali = itemId(created, 0);
        String lassi = itemId(created, 1);
        String jamun = itemId(created, 2);

        HttpResponse<String> response = put(
                "/restaurants/" + restaurantId + "/menu",
                menu(
                        item(lassi, "Sweet Lassi", 9000, "INR", false),
                        item(null, "Masala Chaas", 6000, "INR", true),
                        item(thali, "Veg Thali", 27000, "INR", true)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode changed = JSON.readTree(response.body());
        assertThat(changed.get("version").asLong()).isEqualTo(2);
        String chaas = itemId(changed, 1);
        assertThat(chaas).isNotIn(thali, lassi, jamun);

        List<ConsumerRecord<String, String>> published =
                KafkaProbe.awaitRecords(Topics.RESTAURANTS_EVENTS, restaurantId, 2);
        JsonNode second = JSON.readTree(published.get(1).value());
        assertThat(second.get("version").asLong()).isEqualTo(2);
        assertThat(second.get("menu"))
                .extracting(item -> item.get("itemId").asString())
                .containsExactly(lassi, chaas, thali);
        assertThat(second.get("menu"))
                .extracting(item -> item.at("/price/amountMinor").asLong())
                .containsExactly(9000L, 6000L, 27000L);
        assertThat(second.at("/menu/0/available").asBoolean()).isFalse();
        assertThat(second.get("menu")).isEqualTo(changed.get("menu"));
        assertThat(jdbc.queryForList(
                        "select id::text from menu_item where restaurant_id = ?::uuid order by position",
                        String.class,
                        restaurantId))
                .containsExactly(lassi, chaas, thali);
        assertThat(OutboxLog.entries(jdbc, Topics.RESTAURANTS_EVENTS).stream()
                        .filter(entry -> entry.key().equals(restaurantId)))
                .extracting(OutboxLog.Entry::version)
                .containsExactly(1L, 2L);
    }

    static Stream<Arguments> invalidNewRestaurants() {
        return Stream.of(
                badRestaurant("malformed JSON", 400, "malformed-json", null, "{\"name\":"),
                badRestaurant(
                        "name of 121 characters", 400, "invalid-request", "name", r -> r.put("name", "n".repeat(121))),
                badRestaurant("blank name", 400, "invalid-request", "name", r -> r.put("name", "  ")),
                badRestaurant(
                        "cuisine of 61 characters",
                        400,
                        "invalid-request",
                        "cuisine",
                        r -> r.put("cuisine", "c".repeat(61))),
                badRestaurant(
                        "latitude 90.5",
                        400,
                        "invalid-request",
                        "location.lat",
                        r -> r.put("location", Map.of("lat", 90.5, "lon", 77.6))),
                badRestaurant(
                        "longitude -180.5",
                        400,
                        "invalid-request",
                        "location.lon",
                        r -> r.put("location", Map.of("lat", 12.9, "lon", -180.5))),
                badRestaurant(
                        "opening time 25:00",
                        400,
                        "invalid-request",
                        "openingHours.opensAt",
                        r -> r.put("openingHours", hours("25:00", "22:00", "Asia/Kolkata"))),
                badRestaurant(
                        "closing time without minutes",
                        400,
                        "invalid-request",
                        "openingHours.closesAt",
                        r -> r.put("openingHours", hours("07:00", "22", "Asia/Kolkata"))),
                badRestaurant(
                        "made-up time zone",
                        400,
                        "invalid-request",
                        "openingHours.timeZone",
                        r -> r.put("openingHours", hours("07:00", "22:00", "Asia/Bangalore"))),
                badRestaurant(
                        "description of 501 characters", 400, "invalid-request", "menu[0].description", r -> firstItem(
                                        r)
                                .put("description", "d".repeat(501))),
                badRestaurant("negative price", 400, "invalid-request", "menu[0].price.amountMinor", r -> firstItem(r)
                        .put("price", price(-1, "INR"))),
                badRestaurant("fractional price", 400, "invalid-request", "menu[0].price.amountMinor", r -> firstItem(r)
                        .put("price", Map.of("amountMinor", 25000.5, "currency", "INR"))),
                badRestaurant(
                        "currency not three letters", 400, "invalid-request", "menu[0].price.currency", r -> firstItem(
                                        r)
                                .put("price", price(100, "RUPEES"))),
                badRestaurant(
                        "currency not in ISO 4217", 400, "invalid-request", "menu[0].price.currency", r -> firstItem(r)
                                .put("price", price(100, "XYZ"))),
                badRestaurant("availability missing", 400, "invalid-request", "menu[0].available", r -> firstItem(r)
                        .remove("available")),
                badRestaurant(
                        "item id chosen by the client", 400, "invalid-request", "menu[0].itemId", r -> firstItem(r)
                                .put("itemId", UUID.randomUUID().toString())),
                badRestaurant(
                        "201 menu items",
                        400,
                        "invalid-request",
                        "menu",
                        r -> r.put("menu", Collections.nCopies(201, item(null, "Idli", 4000, "INR", true)))),
                badRestaurant("two currencies on one menu", 422, "mixed-currencies", null, r -> firstItem(r)
                        .put("price", price(300, "EUR"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNewRestaurants")
    void an_invalid_new_restaurant_gets_a_problem_and_changes_nothing(
            String name, int status, String type, String field, String body) throws Exception {
        String catalogBefore = catalogDigest();
        int outboxBefore = OutboxLog.size(jdbc);

        HttpResponse<String> response = post("/restaurants", body);

        assertProblem(response, status, type, field);
        assertThat(catalogDigest()).isEqualTo(catalogBefore);
        assertThat(OutboxLog.size(jdbc)).isEqualTo(outboxBefore);
    }

    static Stream<Arguments> invalidMenus() {
        return Stream.of(
                badMenu(
                        "unknown restaurant",
                        404,
                        "restaurant-not-found",
                        null,
                        "/restaurants/" + UUID.randomUUID() + "/menu",
                        r -> menu(item(null, "Idli", 4000, "INR", true))),
                badMenu(
                        "restaurant id not a UUID",
                        400,
                        null,
                        null,
                        "/restaurants/thali-house/menu",
                        r -> menu(item(null, "Idli", 4000, "INR", true))),
                badMenu(
                        "another restaurant's item id",
                        422,
                        "unknown-menu-item",
                        null,
                        null,
                        r -> menu(item(DOSA_OF_SARAVANA_BHAVAN, "Masala Dosa", 12000, "INR", true))),
                badMenu(
                        "an item id never issued",
                        422,
                        "unknown-menu-item",
                        null,
                        null,
                        r -> menu(item(UUID.randomUUID().toString(), "Idli", 4000, "INR", true))),
                badMenu(
                        "the same item twice",
                        422,
                        "duplicate-menu-item",
                        null,
                        null,
                        r -> menu(
                                item(itemId(r, 0), "Veg Thali", 25000, "INR", true),
                                item(itemId(r, 0), "Veg Thali", 25000, "INR", true))),
                badMenu(
                        "two currencies",
                        422,
                        "mixed-currencies",
                        null,
                        null,
                        r -> menu(
                                item(itemId(r, 0), "Veg Thali", 25000, "INR", true),
                                item(null, "Espresso", 250, "EUR", true))),
                badMenu(
                        "201 items",
                        400,
                        "invalid-request",
                        "items",
                        null,
                        r -> JSON.writeValueAsString(
                                Map.of("items", Collections.nCopies(201, item(null, "Idli", 4000, "INR", true))))),
                badMenu(
                        "negative price",
                        400,
                        "invalid-request",
                        "items[0].price.amountMinor",
                        null,
                        r -> menu(item(itemId(r, 0), "Veg Thali", -5, "INR", true))),
                badMenu("no items", 400, "invalid-request", "items", null, r -> "{}"),
                badMenu("unknown field", 400, "invalid-request", "menu", null, r -> "{\"items\":[],\"menu\":[]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMenus")
    void an_invalid_menu_gets_a_problem_and_changes_nothing(
            String name, int status, String type, String field, String path, Function<JsonNode, String> body)
            throws Exception {
        JsonNode restaurant = register(thaliHouse(r -> {}));
        String catalogBefore = catalogDigest();
        int outboxBefore = OutboxLog.size(jdbc);

        HttpResponse<String> response = put(
                path != null
                        ? path
                        : "/restaurants/" + restaurant.get("restaurantId").asString() + "/menu",
                body.apply(restaurant));

        assertProblem(response, status, type, field);
        assertThat(catalogDigest()).isEqualTo(catalogBefore);
        assertThat(OutboxLog.size(jdbc)).isEqualTo(outboxBefore);
    }

    @Test
    void a_menu_change_whose_message_cannot_be_written_is_not_made() throws Exception {
        JsonNode restaurant = register(thaliHouse(r -> {}));
        String restaurantId = restaurant.get("restaurantId").asString();
        String catalogBefore = catalogDigest();
        int outboxBefore = OutboxLog.size(jdbc);
        jdbc.execute("""
                create or replace function test_refuse_outbox() returns trigger language plpgsql as $$
                begin
                    if new.aggregate_id = '%s' then
                        raise exception 'outbox refused by the test';
                    end if;
                    return new;
                end $$""".formatted(restaurantId));
        jdbc.execute("create trigger test_refuse_outbox before insert on outbox for each row"
                + " execute function test_refuse_outbox()");
        try {
            HttpResponse<String> response =
                    put("/restaurants/" + restaurantId + "/menu", menu(item(null, "Masala Chaas", 6000, "INR", true)));

            assertProblem(response, 500, "internal-error", null);
        } finally {
            jdbc.execute("drop trigger test_refuse_outbox on outbox");
        }
        assertThat(catalogDigest()).isEqualTo(catalogBefore);
        assertThat(OutboxLog.size(jdbc)).isEqualTo(outboxBefore);
    }

    @Test
    void a_new_restaurant_takes_orders_priced_from_its_menu() throws Exception {
        JsonNode restaurant = register(thaliHouse(r -> {}));
        String restaurantId = restaurant.get("restaurantId").asString();

        HttpResponse<String> response =
                placeOrder(restaurantId, Map.of(itemId(restaurant, 0), 2, itemId(restaurant, 1), 1));

        assertThat(response.statusCode()).isEqualTo(202);
        String orderId = JSON.readTree(response.body()).get("orderId").asString();
        JsonNode placed = JSON.readTree(KafkaProbe.awaitRecords(Topics.ORDERS_EVENTS, orderId, 1)
                .getFirst()
                .value());
        assertThat(placed.at("/details/restaurantId").asString()).isEqualTo(restaurantId);
        assertThat(placed.at("/details/restaurantName").asString()).isEqualTo("Thali House");
        assertThat(placed.at("/details/total/amountMinor").asLong()).isEqualTo(2 * 25000 + 8000);
    }

    @Test
    void an_order_for_an_item_removed_from_the_menu_is_refused_as_unknown() throws Exception {
        JsonNode restaurant = register(thaliHouse(r -> {}));
        String restaurantId = restaurant.get("restaurantId").asString();
        String thali = itemId(restaurant, 0);
        String lassi = itemId(restaurant, 1);
        assertThat(put("/restaurants/" + restaurantId + "/menu", menu(item(thali, "Veg Thali", 25000, "INR", true)))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> forRemoved = placeOrder(restaurantId, Map.of(lassi, 1));
        HttpResponse<String> forKept = placeOrder(restaurantId, Map.of(thali, 1));

        assertProblem(forRemoved, 422, "unknown-item", null);
        assertThat(forKept.statusCode()).isEqualTo(202);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo("https://fooddelivery.example/problems/" + type);
        }
        if (field != null) {
            assertThat(problem.get("errors"))
                    .extracting(error -> error.get("field").asString())
                    .containsExactly(field);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    /** Every row of the catalog tables, so a test sees any change at all. */
    private String catalogDigest() {
        return jdbc.queryForObject("""
                select (select md5(coalesce(string_agg(r::text, ',' order by r.id), '')) from restaurant r)
                    || (select md5(coalesce(string_agg(m::text, ',' order by m.id), '')) from menu_item m)""", String.class);
    }

    private JsonNode register(String body) throws Exception {
        HttpResponse<String> response = post("/restaurants", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> placeOrder(String restaurantId, Map<String, Integer> quantities) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        quantities.forEach((itemId, quantity) -> items.add(Map.of("itemId", itemId, "quantity", quantity)));
        String body = JSON.writeValueAsString(Map.of(
                "restaurantId",
                restaurantId,
                "items",
                items,
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.customer(UUID.randomUUID()))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(path, "POST", body);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(path, "PUT", body);
    }

    private HttpResponse<String> send(String path, String method, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.admin())
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String itemId(JsonNode restaurant, int index) {
        return restaurant.get("menu").get(index).get("itemId").asString();
    }

    /** A thali place open around the clock: Veg Thali 250.00, Sweet Lassi 80.00, Gulab Jamun 60.00 (INR). */
    private static String thaliHouse(Consumer<Map<String, Object>> change) {
        Map<String, Object> restaurant = new LinkedHashMap<>();
        restaurant.put("name", "Thali House");
        restaurant.put("cuisine", "Gujarati");
        restaurant.put("location", Map.of("lat", 12.9352, "lon", 77.6245));
        restaurant.put("openingHours", hours("00:00", "00:00", "Asia/Kolkata"));
        restaurant.put(
                "menu",
                new ArrayList<>(List.of(
                        newItem("Veg Thali", 25000), newItem("Sweet Lassi", 8000), newItem("Gulab Jamun", 6000))));
        change.accept(restaurant);
        return JSON.writeValueAsString(restaurant);
    }

    private static Map<String, Object> newItem(String name, long amountMinor) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("description", name + " of the day");
        item.put("price", price(amountMinor, "INR"));
        item.put("available", true);
        return item;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstItem(Map<String, Object> restaurant) {
        return ((List<Map<String, Object>>) restaurant.get("menu")).getFirst();
    }

    private static Map<String, Object> item(
            String itemId, String name, long amountMinor, String currency, boolean available) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (itemId != null) {
            item.put("itemId", itemId);
        }
        item.put("name", name);
        item.put("description", "");
        item.put("price", price(amountMinor, currency));
        item.put("available", available);
        return item;
    }

    @SafeVarargs
    private static String menu(Map<String, Object>... items) {
        return JSON.writeValueAsString(Map.of("items", List.of(items)));
    }

    private static Map<String, Object> price(long amountMinor, String currency) {
        return Map.of("amountMinor", amountMinor, "currency", currency);
    }

    private static Map<String, Object> hours(String opensAt, String closesAt, String timeZone) {
        return Map.of("opensAt", opensAt, "closesAt", closesAt, "timeZone", timeZone);
    }

    private static Arguments badRestaurant(
            String name, int status, String type, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, status, type, field, thaliHouse(change));
    }

    private static Arguments badRestaurant(String name, int status, String type, String field, String body) {
        return Arguments.of(name, status, type, field, body);
    }

    private static Arguments badMenu(
            String name, int status, String type, String field, String path, Function<JsonNode, String> body) {
        return Arguments.of(name, status, type, field, path, body);
    }
}
