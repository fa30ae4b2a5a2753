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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole orders across the four running services, driven as the apps drive them: the customer orders, payment-service
 * answers through its simulated provider, the restaurant and a courier act over HTTP, query-service shows the result.
 * Every ending is checked against the money invariant in payment-service's ledger: a delivered order has exactly one
 * capture of its total; a rejected or cancelled one has no capture and no authorization left open. Everyone acts with
 * a bearer token of a real account from order-service: customers who registered, staff of the order's restaurant and
 * couriers made by the ADMIN; the test itself watches orders as the ADMIN.
 */
class OrderFulfilmentEndToEndIT {

    private static final String RESTAURANT = "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10";
    private static final String DOSA = "a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21";
    private static final long DOSA_PRICE = 12000;
    private static final String PIZZA_RESTAURANT = "2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32";
    private static final String DIAVOLA = "c5a3b2e4-9d7f-4a0c-9e53-4b8f0d6c9a42";
    private static final Duration SETTLES = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FoodDeliverySystem system;
    /** Places the orders of the scenarios that do not look at who the customer is. */
    private static Accounts.Account someCustomer;

    private final List<Accounts.Account> onlineCouriers = new ArrayList<>();

    @BeforeAll
    static void startSystem() throws Exception {
        system = new FoodDeliverySystem();
        someCustomer = system.accounts.newCustomer();
    }

    @AfterAll
    static void stopSystem() throws Exception {
        system.close();
    }

    /** Couriers from one scenario must not be offered another scenario's delivery. */
    @AfterEach
    void couriersGoOffline() throws Exception {
        for (Accounts.Account courier : onlineCouriers) {
            courierRequest(
                    "/couriers/me/availability", "PUT", "{\"online\":false,\"lat\":12.972,\"lon\":77.641}", courier);
        }
    }

    @Test
    void an_order_travels_from_placement_to_delivery_and_its_total_is_captured_once() throws Exception {
        Accounts.Account courier = courierOnlineNearTheRestaurant();
        String orderId = placeOrder(RESTAURANT, DOSA, 2, "CARD");
        awaitStatus(orderId, "AWAITING_RESTAURANT");

        assertThat(restaurant(RESTAURANT, orderId, "accept", "{\"prepTimeMinutes\":15}")
                        .statusCode())
                .isEqualTo(200);
        String deliveryId = awaitOffer(courier).get("deliveryId").asString();
        assertThat(courierAction(deliveryId, "accept", courier).statusCode()).isEqualTo(200);
        assertThat(restaurant(RESTAURANT, orderId, "ready", "").statusCode()).isEqualTo(200);
        awaitCourier(orderId, courier);
        assertThat(courierAction(deliveryId, "pickup", courier).statusCode()).isEqualTo(200);
        awaitStatus(orderId, "OUT_FOR_DELIVERY");
        assertThat(courierAction(deliveryId, "deliver", courier).statusCode()).isEqualTo(200);

        JsonNode delivered = awaitStatus(orderId, "DELIVERED");
        assertThat(delivered.at("/total/amountMinor").asLong()).isEqualTo(2 * DOSA_PRICE);
        await().atMost(SETTLES).until(() -> ledger(orderId).contains("CAPTURE:" + 2 * DOSA_PRICE));
        assertThat(ledger(orderId)).containsExactly("AUTHORIZE:" + 2 * DOSA_PRICE, "CAPTURE:" + 2 * DOSA_PRICE);
    }

    /**
     * The three apps follow one order as they would: the customer reads their own write and long-polls every change,
     * the restaurant works from its queue, the courier from their jobs with a position report in between. The
     * customer never sees a 404 or a status going backwards.
     */
    @Test
    void the_apps_follow_an_order_by_long_polling_and_find_it_in_their_lists() throws Exception {
        Accounts.Account courier = courierOnlineNearTheRestaurant();
        Accounts.Account customer = system.accounts.newCustomer();
        HttpResponse<String> placed = post(
                system.orderService.url("/orders"),
                orderBody(RESTAURANT, DOSA, 1, "UPI"),
                Map.of(
                        "Authorization",
                        customer.authorization(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString()));
        JsonNode accepted = JSON.readTree(placed.body());
        String orderId = accepted.get("orderId").asString();

        HttpResponse<String> firstRead = query(
                "/orders/" + orderId + "?minVersion=" + accepted.get("sequence").asLong(), customer, null);
        assertThat(firstRead.statusCode()).as("read your own write").isEqualTo(200);

        List<String> seen = new ArrayList<>();
        String[] etag = {firstRead.headers().firstValue("ETag").orElseThrow()};
        seen.add(JSON.readTree(firstRead.body()).get("status").asString());
        java.util.function.Consumer<String> followUntil =
                status -> await().atMost(SETTLES).pollInterval(Duration.ZERO).until(() -> {
                    HttpResponse<String> poll = query("/orders/" + orderId + "?waitSeconds=10", customer, etag[0]);
                    if (poll.statusCode() == 200) {
                        etag[0] = poll.headers().firstValue("ETag").orElseThrow();
                        String current =
                                JSON.readTree(poll.body()).get("status").asString();
                        if (!current.equals(seen.getLast())) {
                            seen.add(current);
                        }
                    }
                    return seen.getLast().equals(status);
                });

        followUntil.accept("AWAITING_RESTAURANT");
        // Lists are searches, which see a change within the index's refresh interval.
        Accounts.Account staff = system.accounts.staffOf(RESTAURANT);
        await().atMost(SETTLES).until(() -> JSON.readTree(query("/restaurants/" + RESTAURANT + "/orders", staff, null)
                        .body())
                .findValuesAsString("orderId")
                .contains(orderId));
        restaurant(RESTAURANT, orderId, "accept", "{\"prepTimeMinutes\":10}");
        String deliveryId = awaitOffer(courier).get("deliveryId").asString();
        courierAction(deliveryId, "accept", courier);
        restaurant(RESTAURANT, orderId, "ready", "");
        followUntil.accept("READY_FOR_PICKUP");
        courierAction(deliveryId, "pickup", courier);
        followUntil.accept("OUT_FOR_DELIVERY");

        // The courier app keeps reporting its position; delivery-service publishes at most one per interval.
        JsonNode tracked = awaitOrder(orderId, order -> {
            try {
                courierRequest("/couriers/me/location", "PUT", "{\"lat\":12.9705,\"lon\":77.6000}", courier);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return order.at("/delivery/courierPosition/lon").asDouble() == 77.6;
        });
        assertThat(tracked.at("/delivery/status").asString()).isEqualTo("PICKED_UP");
        assertThat(Instant.parse(tracked.at("/delivery/estimatedArrivalAt").asString()))
                .isAfter(Instant.now().minusSeconds(5));
        await().atMost(SETTLES).until(() -> JSON.readTree(courierQuery(courier).body())
                .at("/active/0/orderId")
                .asString()
                .equals(orderId));

        courierAction(deliveryId, "deliver", courier);
        followUntil.accept("DELIVERED");

        assertThat(seen)
                .containsSubsequence(
                        "PENDING", "AWAITING_RESTAURANT", "READY_FOR_PICKUP", "OUT_FOR_DELIVERY", "DELIVERED");
        List<String> order = List.of(
                "PENDING", "AWAITING_RESTAURANT", "PREPARING", "READY_FOR_PICKUP", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(seen.stream().map(order::indexOf).toList())
                .as("never backwards: %s", seen)
                .isSorted();
        await().atMost(SETTLES).until(() -> {
            JsonNode mine =
                    JSON.readTree(query("/customers/me/orders", customer, null).body());
            return mine.get("totalOrders").asLong() == 1
                    && mine.at("/orders/0/status").asString().equals("DELIVERED");
        });
    }

    /**
     * A new customer signs up and in, and orders with their token. Only those the order concerns see it: another
     * customer can neither read nor cancel it (404, as if it did not exist), the restaurant's staff (the demo account
     * of Saravana Bhavan) find it in their queue, which a customer may not read.
     */
    @Test
    void a_customer_signs_up_orders_with_their_token_and_only_those_concerned_see_the_order() throws Exception {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery";
        Map<String, String> credentials = Map.of("username", username, "password", password);
        HttpResponse<String> registered =
                post(system.orderService.url("/auth/register"), JSON.writeValueAsString(credentials), Map.of());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode account = JSON.readTree(registered.body());
        assertThat(account.get("role").asString()).isEqualTo("CUSTOMER");
        String customerId = account.get("id").asString();
        HttpResponse<String> signedIn =
                post(system.orderService.url("/auth/token"), JSON.writeValueAsString(credentials), Map.of());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode token = JSON.readTree(signedIn.body());
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        String bearer = "Bearer " + token.get("access_token").asString();

        HttpResponse<String> placed = post(
                system.orderService.url("/orders"),
                orderBody(RESTAURANT, DOSA, 1, "UPI"),
                Map.of(
                        "Authorization",
                        bearer,
                        "Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(placed.body());
        String orderId = accepted.get("orderId").asString();
        HttpResponse<String> own = HTTP.send(
                HttpRequest.newBuilder(system.queryService.url("/orders/" + orderId + "?minVersion="
                                + accepted.get("sequence").asLong()))
                        .header("Authorization", bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("customerId").asString()).isEqualTo(customerId);

        Accounts.Account stranger = system.accounts.newCustomer();
        assertThat(query("/orders/" + orderId, stranger, null).statusCode())
                .as("another customer reading it")
                .isEqualTo(404);
        assertThat(cancel(orderId, stranger).statusCode())
                .as("another customer cancelling it")
                .isEqualTo(404);
        assertThat(query("/orders/" + orderId, null, null).statusCode())
                .as("no token")
                .isEqualTo(401);

        Accounts.Account saravana = system.accounts.signIn("saravana", Accounts.DEMO_PASSWORD);
        assertThat(saravana.restaurantId()).hasToString(RESTAURANT);
        // Asking for REJECTED too: the restaurant's deadline may pass before the search sees the order.
        String queue = "/restaurants/" + RESTAURANT + "/orders?status=AWAITING_RESTAURANT&status=REJECTED";
        await().atMost(SETTLES)
                .until(() -> JSON.readTree(query(queue, saravana, null).body())
                        .findValuesAsString("orderId")
                        .contains(orderId));
        assertThat(query("/orders/" + orderId, saravana, null).statusCode())
                .as("the restaurant's staff reading it")
                .isEqualTo(200);
        assertThat(query("/restaurants/" + RESTAURANT + "/orders", stranger, null)
                        .statusCode())
                .as("a customer reading a restaurant's queue")
                .isEqualTo(403);

        HttpResponse<String> stillOwn = HTTP.send(
                HttpRequest.newBuilder(system.queryService.url("/orders/" + orderId))
                        .header("Authorization", bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stillOwn.statusCode()).as(stillOwn.body()).isEqualTo(200);
        JsonNode order = JSON.readTree(stillOwn.body());
        assertThat(order.get("customerId").asString()).isEqualTo(customerId);
        assertThat(order.get("status").asString())
                .as("the stranger's cancel changed nothing")
                .isNotEqualTo("CANCELLED");
    }

    /**
     * The first courier's phone dies after accepting: delivery-service takes the delivery away after the silence
     * timeout and offers it to the next courier, who delivers. The first courier's app is told the job is gone; the
     * customer pays once.
     */
    @Test
    void a_courier_who_goes_silent_after_accepting_is_replaced_and_the_next_courier_delivers() throws Exception {
        Accounts.Account silent = courierOnlineNearTheRestaurant();
        String orderId = placeOrder(RESTAURANT, DOSA, 1, "CARD");
        String deliveryId = acceptedByRestaurantAndCourier(orderId, silent);
        awaitCourier(orderId, silent);
        Accounts.Account next = courierOnlineNearTheRestaurant();

        // The silent courier reports nothing more (FoodDeliverySystem.COURIER_SILENCE_TIMEOUT).
        assertThat(awaitOffer(next).get("deliveryId").asString()).isEqualTo(deliveryId);

        HttpResponse<String> tooLate = courierAction(deliveryId, "pickup", silent);
        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        assertThat(JSON.readTree(tooLate.body()).get("type").asString()).endsWith("/delivery-taken-away");
        assertThat(courierAction(deliveryId, "accept", next).statusCode()).isEqualTo(200);
        assertThat(restaurant(RESTAURANT, orderId, "ready", "").statusCode()).isEqualTo(200);
        awaitCourier(orderId, next);
        assertThat(courierAction(deliveryId, "pickup", next).statusCode()).isEqualTo(200);
        assertThat(courierAction(deliveryId, "deliver", next).statusCode()).isEqualTo(200);

        awaitStatus(orderId, "DELIVERED");
        await().atMost(SETTLES).until(() -> ledger(orderId).contains("CAPTURE:" + DOSA_PRICE));
        assertThat(ledger(orderId)).containsExactly("AUTHORIZE:" + DOSA_PRICE, "CAPTURE:" + DOSA_PRICE);
    }

    /**
     * Support gives back part of a delivered order (a missing item): the ADMIN refunds it, payment-service pays it back
     * once, the order shows what was refunded, and a refund beyond what is left is refused and changes nothing.
     */
    @Test
    void an_admin_refunds_part_of_a_delivered_order_once_and_not_more_than_was_captured() throws Exception {
        Accounts.Account courier = courierOnlineNearTheRestaurant();
        String orderId = placeOrder(RESTAURANT, DOSA, 2, "CARD");
        String deliveryId = acceptedByRestaurantAndCourier(orderId, courier);
        readyAndPickedUp(orderId, deliveryId, courier);
        courierAction(deliveryId, "deliver", courier);
        awaitStatus(orderId, "DELIVERED");
        await().atMost(SETTLES).until(() -> ledger(orderId).contains("CAPTURE:" + 2 * DOSA_PRICE));
        String refunds = "/orders/" + orderId + "/refunds";
        String oneDosa = JSON.writeValueAsString(Map.of("amountMinor", DOSA_PRICE, "reason", "One dosa was missing"));
        String idempotencyKey = UUID.randomUUID().toString();
        // Accepted once order-service has recorded the capture (PaymentCaptured may still be on its way).
        List<HttpResponse<String>> requested = new ArrayList<>();
        await().atMost(SETTLES).until(() -> {
            HttpResponse<String> response = refund(refunds, oneDosa, idempotencyKey);
            requested.add(response);
            return response.statusCode() == 202;
        });

        assertThat(JSON.readTree(requested.getLast().body())
                        .at("/amount/amountMinor")
                        .asLong())
                .isEqualTo(DOSA_PRICE);
        JsonNode refunded = awaitOrder(
                orderId, order -> order.at("/payment/refunded/amountMinor").asLong() == DOSA_PRICE);
        assertThat(refunded.get("status").asString()).isEqualTo("DELIVERED");
        await().atMost(SETTLES).until(() -> ledger(orderId).contains("REFUND:" + DOSA_PRICE));
        HttpResponse<String> tooMuch = refund(
                refunds,
                JSON.writeValueAsString(Map.of("amountMinor", DOSA_PRICE + 1, "reason", "Everything was cold")),
                UUID.randomUUID().toString());
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(409);
        assertThat(JSON.readTree(tooMuch.body()).get("type").asString()).endsWith("/refund-exceeds-capture");
        assertThat(JSON.readTree(tooMuch.body()).get("refundableMinor").asLong())
                .isEqualTo(DOSA_PRICE);
        assertThat(ledger(orderId))
                .as("captured once, refunded once: the money invariant of a delivered order")
                .containsExactly("AUTHORIZE:" + 2 * DOSA_PRICE, "CAPTURE:" + 2 * DOSA_PRICE, "REFUND:" + DOSA_PRICE);
    }

    /**
     * The courier has the food and cannot find the customer: the order is cancelled for the failed delivery and, as
     * nothing is captured before delivery, the authorization is voided: the customer pays nothing.
     */
    @Test
    void a_delivery_that_fails_after_pickup_cancels_the_order_and_the_customer_pays_nothing() throws Exception {
        Accounts.Account courier = courierOnlineNearTheRestaurant();
        String orderId = placeOrder(RESTAURANT, DOSA, 1, "UPI");
        String deliveryId = acceptedByRestaurantAndCourier(orderId, courier);
        readyAndPickedUp(orderId, deliveryId, courier);

        HttpResponse<String> failed = courierRequest(
                "/deliveries/" + deliveryId + "/cannot-deliver",
                "POST",
                "{\"reason\":\"CUSTOMER_UNREACHABLE\",\"note\":\"Nobody at the gate\"}",
                courier);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        JsonNode cancelled = awaitOrder(
                orderId,
                order -> "CANCELLED".equals(order.path("status").asString())
                        && "FAILED".equals(order.at("/delivery/status").asString()));
        assertThat(cancelled.get("reason").asString()).isEqualTo("DELIVERY_FAILED");
        await().atMost(SETTLES).untilAsserted(() -> assertThat(ledger(orderId))
                .containsExactly("AUTHORIZE:" + DOSA_PRICE, "VOID:" + DOSA_PRICE));
        assertNoMoneyTakenAndNothingLeftOpen(orderId);
    }

    @Test
    void a_declined_payment_rejects_the_order_and_takes_no_money() throws Exception {
        // The simulated provider declines a WALLET payment above its limit (payment-service/README.md).
        String orderId = placeOrder(PIZZA_RESTAURANT, DIAVOLA, 50, "WALLET");

        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertNoMoneyTakenAndNothingLeftOpen(orderId);
    }

    @Test
    void a_restaurant_rejection_voids_the_authorized_payment() throws Exception {
        String orderId = placeOrder(RESTAURANT, DOSA, 1, "UPI");
        awaitStatus(orderId, "AWAITING_RESTAURANT");

        assertThat(restaurant(RESTAURANT, orderId, "reject", "{\"reason\":\"Kitchen closing\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(awaitStatus(orderId, "REJECTED").get("reason").asString()).isEqualTo("RESTAURANT_REJECTED");
        assertNoMoneyTakenAndNothingLeftOpen(orderId);
    }

    @Test
    void a_restaurant_that_does_not_answer_in_time_gets_the_order_rejected_and_voided() throws Exception {
        String orderId = placeOrder(RESTAURANT, DOSA, 1, "CARD");
        awaitStatus(orderId, "AWAITING_RESTAURANT");

        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("reason").asString()).isEqualTo("RESTAURANT_TIMEOUT");
        assertThat(restaurant(RESTAURANT, orderId, "accept", "{\"prepTimeMinutes\":15}")
                        .statusCode())
                .as("accepting after the deadline")
                .isEqualTo(409);
        assertNoMoneyTakenAndNothingLeftOpen(orderId);
    }

    @Test
    void no_courier_in_time_cancels_the_accepted_order_and_voids_its_payment() throws Exception {
        String orderId = placeOrder(RESTAURANT, DOSA, 1, "CARD");
        awaitStatus(orderId, "AWAITING_RESTAURANT");
        assertThat(restaurant(RESTAURANT, orderId, "accept", "{\"prepTimeMinutes\":10}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode cancelled = awaitStatus(orderId, "CANCELLED");

        assertThat(cancelled.get("reason").asString()).isEqualTo("NO_COURIER");
        assertNoMoneyTakenAndNothingLeftOpen(orderId);
    }

    @Test
    void a_customer_cancels_before_the_restaurant_accepts_and_later_cannot() throws Exception {
        Accounts.Account customer = system.accounts.newCustomer();
        String orderId = placeOrder(RESTAURANT, DOSA, 1, "UPI", customer);
        awaitStatus(orderId, "AWAITING_RESTAURANT");

        assertThat(cancel(orderId, customer).statusCode()).isEqualTo(200);

        assertThat(awaitStatus(orderId, "CANCELLED").get("reason").asString()).isEqualTo("CUSTOMER_CANCELLED");
        assertNoMoneyTakenAndNothingLeftOpen(orderId);
        assertThat(cancel(orderId, customer).statusCode()).isEqualTo(409);
    }

    @Test
    void no_payment_answer_in_time_rejects_the_order_and_the_late_authorization_is_voided() throws Exception {
        system.killPaymentService();
        try {
            String orderId = placeOrder(RESTAURANT, DOSA, 1, "CARD");

            assertThat(awaitStatus(orderId, "REJECTED").get("reason").asString())
                    .isEqualTo("PAYMENT_TIMEOUT");

            system.startPaymentService();
            // payment-service now reads AuthorizePayment, then VoidPayment (same key, same partition, in order).
            await().atMost(SETTLES).untilAsserted(() -> assertThat(ledger(orderId))
                    .containsExactly("AUTHORIZE:" + DOSA_PRICE, "VOID:" + DOSA_PRICE));
            assertNoMoneyTakenAndNothingLeftOpen(orderId);
        } finally {
            if (system.paymentService.health().isEmpty()) {
                system.startPaymentService();
            }
        }
    }

    /** No capture; every approved authorization is followed by a void. */
    private static void assertNoMoneyTakenAndNothingLeftOpen(String orderId) {
        await().atMost(SETTLES).untilAsserted(() -> {
            List<String> ledger = ledger(orderId);
            assertThat(ledger).noneMatch(entry -> entry.startsWith("CAPTURE"));
            long authorized = ledger.stream()
                    .filter(entry -> entry.startsWith("AUTHORIZE"))
                    .count();
            long voided =
                    ledger.stream().filter(entry -> entry.startsWith("VOID")).count();
            assertThat(voided).isEqualTo(authorized);
        });
    }

    /** Provider operations that were performed (approved) for the order, as OPERATION:amount, in order. */
    private static List<String> ledger(String orderId) throws Exception {
        try (Connection connection = system.paymentsDatabase();
                PreparedStatement query =
                        connection.prepareStatement("select operation, amount_minor from payment_ledger"
                                + " where order_id = ?::uuid and approved order by id")) {
            query.setString(1, orderId);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + ":" + rows.getLong(2));
                }
            }
            return entries;
        }
    }

    private Accounts.Account courierOnlineNearTheRestaurant() throws Exception {
        Accounts.Account courier = system.accounts.newCourier();
        HttpResponse<String> online = courierRequest(
                "/couriers/me/availability", "PUT", "{\"online\":true,\"lat\":12.972,\"lon\":77.641}", courier);
        assertThat(online.statusCode()).isBetween(200, 204);
        onlineCouriers.add(courier);
        return courier;
    }

    /** The order, paid, is accepted by the restaurant and its delivery by {@code courier}; the delivery's id. */
    private static String acceptedByRestaurantAndCourier(String orderId, Accounts.Account courier) throws Exception {
        awaitStatus(orderId, "AWAITING_RESTAURANT");
        assertThat(restaurant(RESTAURANT, orderId, "accept", "{\"prepTimeMinutes\":10}")
                        .statusCode())
                .isEqualTo(200);
        String deliveryId = awaitOffer(courier).get("deliveryId").asString();
        assertThat(courierAction(deliveryId, "accept", courier).statusCode()).isEqualTo(200);
        return deliveryId;
    }

    /** The restaurant marks the order ready and {@code courier} picks it up: OUT_FOR_DELIVERY. */
    private static void readyAndPickedUp(String orderId, String deliveryId, Accounts.Account courier) throws Exception {
        assertThat(restaurant(RESTAURANT, orderId, "ready", "").statusCode()).isEqualTo(200);
        awaitCourier(orderId, courier);
        assertThat(courierAction(deliveryId, "pickup", courier).statusCode()).isEqualTo(200);
        awaitStatus(orderId, "OUT_FOR_DELIVERY");
    }

    private static JsonNode awaitOffer(Accounts.Account courier) {
        JsonNode[] offer = new JsonNode[1];
        await().atMost(SETTLES).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = courierRequest("/couriers/me/offer", "GET", null, courier);
            if (response.statusCode() != 200) {
                return false;
            }
            offer[0] = JSON.readTree(response.body());
            return true;
        });
        return offer[0];
    }

    private static HttpResponse<String> courierAction(String deliveryId, String action, Accounts.Account courier)
            throws Exception {
        return courierRequest("/deliveries/" + deliveryId + "/" + action, "POST", "", courier);
    }

    private static HttpResponse<String> courierRequest(
            String path, String method, String body, Accounts.Account courier) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.deliveryService.url(path))
                .header("Authorization", courier.authorization())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The restaurant's staff act on the order. */
    private static HttpResponse<String> restaurant(String restaurantId, String orderId, String action, String body)
            throws Exception {
        return post(
                system.orderService.url("/restaurants/" + restaurantId + "/orders/" + orderId + "/" + action),
                body,
                Map.of("Authorization", system.accounts.staffOf(restaurantId).authorization()));
    }

    /** The ADMIN refunds part of an order. */
    private static HttpResponse<String> refund(String path, String body, String idempotencyKey) throws Exception {
        return post(
                system.orderService.url(path),
                body,
                Map.of("Authorization", system.accounts.admin().authorization(), "Idempotency-Key", idempotencyKey));
    }

    private static HttpResponse<String> cancel(String orderId, Accounts.Account customer) throws Exception {
        return post(
                system.orderService.url("/orders/" + orderId + "/cancel"),
                "",
                Map.of("Authorization", customer.authorization()));
    }

    private static String placeOrder(String restaurantId, String itemId, int quantity, String method) throws Exception {
        return placeOrder(restaurantId, itemId, quantity, method, someCustomer);
    }

    private static String placeOrder(
            String restaurantId, String itemId, int quantity, String method, Accounts.Account customer)
            throws Exception {
        String body = orderBody(restaurantId, itemId, quantity, method);
        HttpResponse<String> response = post(
                system.orderService.url("/orders"),
                body,
                Map.of(
                        "Authorization",
                        customer.authorization(),
                        "Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    private static String orderBody(String restaurantId, String itemId, int quantity, String method) {
        return JSON.writeValueAsString(Map.of(
                "restaurantId",
                restaurantId,
                "items",
                List.of(Map.of("itemId", itemId, "quantity", quantity)),
                "paymentMethod",
                method,
                "deliveryAddress",
                Map.of("line1", "12 MG Road", "city", "Bengaluru", "lat", 12.97, "lon", 77.59)));
    }

    /** The order as query-service shows it, once it reached {@code status}. */
    private static JsonNode awaitStatus(String orderId, String status) {
        return awaitOrder(orderId, order -> status.equals(order.path("status").asString()));
    }

    private static void awaitCourier(String orderId, Accounts.Account courier) {
        awaitOrder(orderId, order -> courier.courierId()
                .toString()
                .equals(order.path("courierId").asString()));
    }

    /** Watches the order as the ADMIN, who may read every order, until it meets {@code condition}. */
    private static JsonNode awaitOrder(String orderId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] order = new JsonNode[1];
        String[] lastSeen = {"nothing yet"};
        await().atMost(SETTLES).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(system.queryService.url("/orders/" + orderId))
                            .header("Authorization", system.accounts.admin().authorization())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            lastSeen[0] = response.statusCode() + " " + response.body();
            assertThat(response.statusCode())
                    .as("query-service showed %s", lastSeen[0])
                    .isEqualTo(200);
            order[0] = JSON.readTree(response.body());
            assertThat(condition.test(order[0]))
                    .as("query-service showed %s", lastSeen[0])
                    .isTrue();
        });
        return order[0];
    }

    /** A read from query-service as {@code caller}, or without a token when it is {@code null}. */
    private static HttpResponse<String> query(String path, Accounts.Account caller, String ifNoneMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.queryService.url(path));
        if (caller != null) {
            request.header("Authorization", caller.authorization());
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> courierQuery(Accounts.Account courier) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(system.queryService.url("/couriers/me/deliveries"))
                        .header("Authorization", courier.authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
