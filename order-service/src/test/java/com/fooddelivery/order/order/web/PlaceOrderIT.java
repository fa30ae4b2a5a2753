package com.fooddelivery.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.testsupport.KafkaProbe;
import com.fooddelivery.testsupport.OutboxRelayHealthContract;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /orders on real PostgreSQL and Kafka: the order is priced, stored, and published through the outbox. */
@ServiceIntegrationTest
class PlaceOrderIT implements OutboxRelayHealthContract {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final String COFFEE = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e23";
    private static final String IDLI = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e22";
    private static final String SOLD_OUT = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e24";
    private static final String PIZZA_FROM_ANOTHER_RESTAURANT = "c5a3b2e4-9d7f-4a0c-9e53-4b8f0d6c9a41";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Override
    public int port() {
        return port;
    }

    @Test
    void places_an_order_priced_from_the_menu_and_publishes_it_on_orders_events() throws Exception {
        UUID customer = UUID.randomUUID();

        HttpResponse<String> response = post(customer, UUID.randomUUID().toString(), order(DOSA, 2, COFFEE, 1));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String orderId = body.get("orderId").asString();
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:8084/orders/" + orderId);

        ConsumerRecord<String, String> published = awaitPublished(orderId);
        JsonNode placed = JSON.readTree(published.value());
        assertThat(header(published, MessageHeaders.TYPE)).isEqualTo("OrderPlaced");
        assertThat(header(published, MessageHeaders.MESSAGE_ID)).isNotBlank();
        assertThat(header(published, MessageHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(placed.get("sequence").asLong()).isZero();
        assertThat(placed.at("/details/customerId").asString()).isEqualTo(customer.toString());
        assertThat(placed.at("/details/total/amountMinor").asLong()).isEqualTo(2 * 12000 + 4500);
        assertThat(placed.at("/details/items/0/unitPrice/amountMinor").asLong()).isEqualTo(12000);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_places_only_one_order() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(customer, key, order(DOSA, 1, COFFEE, 1));
        HttpResponse<String> retry = post(customer, key, order(DOSA, 1, COFFEE, 1));

        assertThat(retry.statusCode()).isEqualTo(202);
        String orderId = JSON.readTree(first.body()).get("orderId").asString();
        assertThat(JSON.readTree(retry.body()).get("orderId").asString()).isEqualTo(orderId);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, orderId))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                  | 400 | {"restaurantId": |
            quantity zero                   | 400 | @ITEM 0 |
            quantity above the limit        | 400 | @ITEM 51 |
            unknown JSON field              | 400 | {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10","items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":1}],"paymentMethod":"UPI","deliveryAddress":{"line1":"1 Road","city":"Bengaluru","lat":12.9,"lon":77.6},"price":1} |
            unknown payment method          | 400 | {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10","items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":1}],"paymentMethod":"CASH","deliveryAddress":{"line1":"1 Road","city":"Bengaluru","lat":12.9,"lon":77.6}} |
            latitude out of range           | 400 | {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10","items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":1}],"paymentMethod":"UPI","deliveryAddress":{"line1":"1 Road","city":"Bengaluru","lat":91,"lon":77.6}} |
            no items                        | 400 | {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10","items":[],"paymentMethod":"UPI","deliveryAddress":{"line1":"1 Road","city":"Bengaluru","lat":12.9,"lon":77.6}} |
            unknown restaurant              | 422 | {"restaurantId":"00000000-0000-0000-0000-000000000001","items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":1}],"paymentMethod":"UPI","deliveryAddress":{"line1":"1 Road","city":"Bengaluru","lat":12.9,"lon":77.6}} |
            another restaurant's item       | 422 | @OTHER |
            sold-out item                   | 422 | @SOLDOUT |
            """)
    void a_bad_order_gets_a_problem_and_leaves_no_trace(String name, int status, String body) throws Exception {
        String json =
                switch (body) {
                    case "@ITEM 0" -> order(DOSA, 0, COFFEE, 1);
                    case "@ITEM 51" -> order(DOSA, 51, COFFEE, 1);
                    case "@OTHER" -> order(DOSA, 1, PIZZA_FROM_ANOTHER_RESTAURANT, 1);
                    case "@SOLDOUT" -> order(DOSA, 1, SOLD_OUT, 1);
                    default -> body;
                };
        int eventsBefore = eventCount();

        HttpResponse<String> response =
                post(UUID.randomUUID(), UUID.randomUUID().toString(), json);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_retry_is_answered_as_placed_even_if_the_menu_changed_since() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(customer, key, order(DOSA, 1, IDLI, 1));
        try {
            jdbc.update("update menu_item set available = false where id = ?::uuid", IDLI);

            HttpResponse<String> retry = post(customer, key, order(DOSA, 1, IDLI, 1));

            assertThat(retry.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(retry.body()).get("orderId").asString())
                    .isEqualTo(JSON.readTree(first.body()).get("orderId").asString());
        } finally {
            jdbc.update("update menu_item set available = true where id = ?::uuid", IDLI);
        }
    }

    @Test
    void an_invalid_body_field_is_named_by_its_path_in_the_problem() throws Exception {
        HttpResponse<String> response =
                post(UUID.randomUUID(), UUID.randomUUID().toString(), order(DOSA, 1, COFFEE, 0));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).at("/errors/0");
        assertThat(error.get("field").asString()).isEqualTo("items[1].quantity");
        assertThat(error.get("message").asString()).contains("greater than or equal to 1");
    }

    @Test
    void an_unknown_field_is_named_in_the_problem() throws Exception {
        String withPrice = order(DOSA, 1, COFFEE, 1).replaceFirst("\\{", "{\"price\":1,");

        HttpResponse<String> response =
                post(UUID.randomUUID(), UUID.randomUUID().toString(), withPrice);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("price");
    }

    @Test
    void a_value_outside_an_enum_is_named_in_the_problem() throws Exception {
        String cash = order(DOSA, 1, COFFEE, 1).replace("\"UPI\"", "\"CASH\"");

        HttpResponse<String> response =
                post(UUID.randomUUID(), UUID.randomUUID().toString(), cash);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("paymentMethod");
    }

    @Test
    void an_overlong_idempotency_key_is_a_400_problem() throws Exception {
        HttpResponse<String> response = post(UUID.randomUUID(), "k".repeat(101), order(DOSA, 1, COFFEE, 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void an_order_without_a_token_is_refused() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(order(DOSA, 1, COFFEE, 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    private int eventCount() {
        return jdbc.queryForObject("select count(*) from domainevententry", Integer.class);
    }

    private static String order(String item, int quantity, String otherItem, int otherQuantity) {
        return JSON.writeValueAsString(Map.of(
                "restaurantId",
                RESTAURANT,
                "items",
                List.of(
                        Map.of("itemId", item, "quantity", quantity),
                        Map.of("itemId", otherItem, "quantity", otherQuantity)),
                "paymentMethod",
                "UPI",
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
    }

    private HttpResponse<String> post(UUID customer, String idempotencyKey, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.customer(customer))
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ConsumerRecord<String, String> awaitPublished(String orderId) {
        return KafkaProbe.awaitRecords(Topics.ORDERS_EVENTS, orderId, 1).getFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaProbe.header(record, name);
    }
}
