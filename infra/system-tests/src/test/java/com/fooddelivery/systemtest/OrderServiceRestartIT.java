package com.fooddelivery.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service is killed with SIGKILL while 100 orders are mid-saga and started again: every order still reaches
 * the ending its deadlines decide (the deadlines live in PostgreSQL, not in the killed JVM), and the money invariant
 * holds: no capture, every authorization voided. The tokens signed in before the kill keep working after it (the
 * signing keys live in the orders database, the port stays the same).
 */
class OrderServiceRestartIT {

    private static final int ORDERS = 100;
    private static final int CUSTOMERS = 20;
    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String ORDER = """
            {"restaurantId":"0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10",
             "items":[{"itemId":"a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21","quantity":1}],
             "paymentMethod":"CARD",
             "deliveryAddress":{"line1":"12 MG Road","city":"Bengaluru","lat":12.97,"lon":77.59}}""";
    // Long enough for the test to act and restart before they fire, so they fire in the restarted process.
    private static final Duration RESTAURANT_TIMEOUT = Duration.ofSeconds(75);
    private static final Duration COURIER_TIMEOUT = Duration.ofSeconds(45);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FoodDeliverySystem system;
    private static List<Accounts.Account> customers;
    private static Accounts.Account staff;

    @BeforeAll
    static void startSystem() throws Exception {
        system = new FoodDeliverySystem(RESTAURANT_TIMEOUT, COURIER_TIMEOUT);
        customers = system.accounts.newCustomers(CUSTOMERS);
        staff = system.accounts.staffOf(RESTAURANT);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        system.close();
    }

    @Test
    void orders_mid_saga_reach_their_endings_after_order_service_is_killed_and_restarted() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(placeOrder(customers.get(i % CUSTOMERS)));
        }
        for (String order : orders) {
            awaitStatus(order, "AWAITING_RESTAURANT", Duration.ofSeconds(60));
        }
        List<String> accepted = orders.subList(0, ORDERS / 2);
        List<String> unanswered = orders.subList(ORDERS / 2, ORDERS);
        for (String order : accepted) {
            HttpResponse<String> response = postAsStaff(
                    system.orderService.url("/restaurants/" + RESTAURANT + "/orders/" + order + "/accept"),
                    "{\"prepTimeMinutes\":10}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        system.killAndRestartOrderService();

        Duration afterDeadlines = RESTAURANT_TIMEOUT.plusSeconds(90);
        Map<String, String> endings = new HashMap<>();
        for (String order : unanswered) {
            endings.put(order, awaitStatus(order, "REJECTED", afterDeadlines));
        }
        for (String order : accepted) {
            endings.put(order, awaitStatus(order, "CANCELLED", afterDeadlines));
        }
        assertThat(unanswered)
                .allSatisfy(order -> assertThat(endings.get(order)).isEqualTo("RESTAURANT_TIMEOUT"));
        assertThat(accepted).allSatisfy(order -> assertThat(endings.get(order)).isEqualTo("NO_COURIER"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Long> ledger = ledgerTotals(orders);
            assertThat(ledger.getOrDefault("CAPTURE", 0L)).as("captures").isZero();
            assertThat(ledger.get("AUTHORIZE")).as("authorizations").isEqualTo(ORDERS);
            assertThat(ledger.get("VOID")).as("voids").isEqualTo(ORDERS);
        });
    }

    private static String placeOrder(Accounts.Account customer) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(system.orderService.url("/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", customer.authorization())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    /** Waits for the status, as the ADMIN reads it, and returns the order's reason (empty when it has none). */
    private static String awaitStatus(String orderId, String status, Duration atMost) {
        String[] reason = new String[1];
        String[] lastSeen = {"nothing yet"};
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(system.queryService.url("/orders/" + orderId))
                            .header("Authorization", system.accounts.admin().authorization())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            lastSeen[0] = response.statusCode() + " " + response.body();
            assertThat(response.statusCode()).as(lastSeen[0]).isEqualTo(200);
            var order = JSON.readTree(response.body());
            assertThat(order.path("status").asString()).as(lastSeen[0]).isEqualTo(status);
            reason[0] = order.path("reason").asString();
        });
        return reason[0];
    }

    /** Approved provider operations for these orders, counted by operation. */
    private static Map<String, Long> ledgerTotals(List<String> orders) throws Exception {
        try (Connection connection = system.paymentsDatabase();
                PreparedStatement query = connection.prepareStatement("select operation, count(*) from payment_ledger"
                        + " where approved and order_id = any (?::uuid[]) group by operation")) {
            query.setArray(1, connection.createArrayOf("text", orders.toArray()));
            Map<String, Long> totals = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getLong(2));
                }
            }
            return totals;
        }
    }

    private static HttpResponse<String> postAsStaff(URI url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json")
                        .header("Authorization", staff.authorization())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
