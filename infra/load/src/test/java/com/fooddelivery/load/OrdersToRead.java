package com.fooddelivery.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the reads profile reads, made before its clock starts through the public API, as the apps would: orders placed
 * by the run's customers in turn and paid for; some of them accepted by their restaurant and taken by a courier (one
 * each); some of those marked ready and picked up. It waits until query-service shows the orders paid for, the accepted
 * ones accepted and the picked-up ones out for delivery, so the load reads a settled system: tracking screens see
 * orders in every state from {@code AWAITING_RESTAURANT} to {@code OUT_FOR_DELIVERY}, the dashboards a queue, the
 * couriers a job.
 */
final class OrdersToRead {

    /** An order of the run: who placed it (index into the fixture's customers), and its restaurant. */
    record Order(String id, int customer, RunFixture.Restaurant restaurant) {}

    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration OFFERS = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private final RunFixture fixture;
    private final LoadSettings settings;
    private List<Order> orders = List.of();
    private final Map<String, Integer> courierOfOrder = new ConcurrentHashMap<>();
    private final Map<String, String> deliveryOfOrder = new ConcurrentHashMap<>();
    private final Set<String> pickedUpIds = ConcurrentHashMap.newKeySet();
    private int accepted;

    OrdersToRead(RunFixture fixture, LoadSettings settings) {
        this.fixture = fixture;
        this.settings = settings;
    }

    List<Order> orders() {
        return orders;
    }

    void create() {
        LoadSettings.ReadsSetup setup = settings.reads();
        int couriers = fixture.couriers().size();
        AtomicInteger nextCourier = new AtomicInteger();
        RunFixture.inParallel(couriers, () -> goOnline(nextCourier.getAndIncrement(), true));
        AtomicInteger nextOrder = new AtomicInteger();
        orders = RunFixture.inParallel(setup.orders(), () -> place(nextOrder.getAndIncrement()));
        awaitStatus(orders, OrderTracker.PAID);

        // At most one order per courier, so that every accepted order can have one.
        List<Order> toAccept =
                orders.subList(0, (int) Math.min(couriers, Math.round(orders.size() * setup.acceptedShare())));
        inParallel(toAccept, order -> fixture.calls()
                .post(
                        kitchen(order, "/accept"),
                        order.restaurant().staff().authorization(),
                        Map.of("prepTimeMinutes", 10),
                        200));
        accepted = toAccept.size();
        awaitStatus(toAccept, Set.of("PREPARING"));
        takeOffers(toAccept);

        List<Order> toPickUp = toAccept.stream()
                .filter(order -> courierOfOrder.containsKey(order.id()))
                .limit(Math.round(toAccept.size() * setup.pickedUpShare()))
                .toList();
        inParallel(toPickUp, order -> fixture.calls()
                .post(kitchen(order, "/ready"), order.restaurant().staff().authorization(), Map.of(), 200));
        awaitStatus(toPickUp, Set.of("READY_FOR_PICKUP"));
        inParallel(toPickUp, order -> courierActs(order, "/pickup"));
        toPickUp.forEach(order -> pickedUpIds.add(order.id()));
        awaitStatus(toPickUp, Set.of("OUT_FOR_DELIVERY"));
    }

    /**
     * Ends what the setup started, after the load, so that the next run (a lunch rush on the same system) finds no
     * open order of this one: the restaurants reject the orders they never accepted, the couriers pick up and deliver
     * the ones they took, and everyone goes offline. An accepted order without a courier (none, unless offers failed)
     * stays open until the saga's courier deadline.
     */
    void windDown() {
        Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        orders.subList(0, accepted).forEach(order -> acceptedIds.add(order.id()));
        List<Order> neverAccepted = orders.stream()
                .filter(order -> !acceptedIds.contains(order.id()))
                .toList();
        bestEffort(
                "reject the orders never accepted",
                () -> inParallel(neverAccepted, order -> fixture.calls()
                        .post(
                                kitchen(order, "/reject"),
                                order.restaurant().staff().authorization(),
                                Map.of("reason", "load test: the reads run is over"),
                                200)));
        List<Order> withCourier = orders.stream()
                .filter(order -> courierOfOrder.containsKey(order.id()))
                .toList();
        List<Order> notPickedUp = withCourier.stream()
                .filter(order -> !pickedUpIds.contains(order.id()))
                .toList();
        bestEffort("mark ready and pick up", () -> {
            inParallel(notPickedUp, order -> fixture.calls()
                    .post(kitchen(order, "/ready"), order.restaurant().staff().authorization(), Map.of(), 200));
            awaitStatus(notPickedUp, Set.of("READY_FOR_PICKUP"));
            inParallel(notPickedUp, order -> courierActs(order, "/pickup"));
        });
        bestEffort("deliver", () -> inParallel(withCourier, order -> courierActs(order, "/deliver")));
        for (int courier = 0; courier < fixture.couriers().size(); courier++) {
            int each = courier;
            bestEffort("courier " + courier + " goes offline", () -> goOnline(each, false));
        }
        long leftOpen = acceptedIds.stream()
                .filter(id -> !courierOfOrder.containsKey(id))
                .count();
        if (leftOpen > 0) {
            System.err.printf("load: %d accepted orders had no courier and stay open%n", leftOpen);
        }
    }

    private static void bestEffort(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // The load is measured already: say what is left behind and carry on with the rest.
            System.err.println("load: winding down, could not " + what + ": " + e.getMessage());
        }
    }

    /** For the run's results: what was made. */
    Map<String, Object> results() {
        Map<String, Object> made = new LinkedHashMap<>();
        made.put("placed", orders.size());
        made.put("accepted", accepted);
        made.put("takenByCourier", courierOfOrder.size());
        made.put("pickedUp", pickedUpIds.size());
        return made;
    }

    private Order place(int number) {
        int customer = number % fixture.customers().size();
        RunFixture.Restaurant restaurant =
                fixture.restaurants().get(number % fixture.restaurants().size());
        JsonNode placed = fixture.calls()
                .post(
                        settings.orderService().resolve("/orders"),
                        fixture.customers().get(customer).authorization(),
                        ServiceCalls.read(fixture.orderBody(restaurant.id(), restaurant.itemIds())),
                        202);
        return new Order(placed.get("orderId").asText(), customer, restaurant);
    }

    private JsonNode goOnline(int courier, boolean online) {
        return fixture.calls()
                .put(
                        settings.deliveryService().resolve("/couriers/me/availability"),
                        fixture.couriers().get(courier).authorization(),
                        fixture.availability(courier, online),
                        200);
    }

    /** Each courier without a job asks for an offer and accepts it, until every accepted order has a courier. */
    private void takeOffers(List<Order> accepted) {
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        accepted.forEach(order -> waiting.add(order.id()));
        long deadline = System.nanoTime() + OFFERS.toNanos();
        while (!waiting.isEmpty()) {
            for (int courier = 0; courier < fixture.couriers().size(); courier++) {
                if (courierOfOrder.containsValue(courier)) {
                    continue;
                }
                String authorization = fixture.couriers().get(courier).authorization();
                HttpResponse<String> offer =
                        fixture.calls().get(settings.deliveryService().resolve("/couriers/me/offer"), authorization);
                if (offer.statusCode() != 200) {
                    continue;
                }
                JsonNode job = ServiceCalls.read(offer.body());
                String orderId = job.path("orderId").asText();
                String deliveryId = job.path("deliveryId").asText();
                // A delivery an earlier run left waiting can be offered too: declined, so that the courier stays free
                // for this run's orders and takes no job this run could not finish.
                boolean ours = waiting.remove(orderId);
                fixture.calls()
                        .post(
                                settings.deliveryService()
                                        .resolve("/deliveries/" + deliveryId + (ours ? "/accept" : "/decline")),
                                authorization,
                                Map.of(),
                                ours ? 200 : 204);
                if (ours) {
                    courierOfOrder.put(orderId, courier);
                    deliveryOfOrder.put(orderId, deliveryId);
                }
            }
            if (System.nanoTime() > deadline) {
                System.err.printf(
                        "load: %d accepted orders got no courier within %d s; read as they are%n",
                        waiting.size(), OFFERS.toSeconds());
                return;
            }
            RunFixture.sleep(POLL);
        }
    }

    private URI kitchen(Order order, String action) {
        return settings.orderService()
                .resolve("/restaurants/" + order.restaurant().id() + "/orders/" + order.id() + action);
    }

    private JsonNode courierActs(Order order, String action) {
        return fixture.calls()
                .post(
                        settings.deliveryService().resolve("/deliveries/" + deliveryOfOrder.get(order.id()) + action),
                        fixture.couriers().get(courierOfOrder.get(order.id())).authorization(),
                        Map.of(),
                        200);
    }

    private static void inParallel(List<Order> orders, Consumer<Order> action) {
        AtomicInteger next = new AtomicInteger();
        RunFixture.inParallel(orders.size(), () -> {
            action.accept(orders.get(next.getAndIncrement()));
            return Boolean.TRUE; // inParallel collects the results into a list, which holds no null
        });
    }

    /** Until query-service shows each order in one of {@code statuses} (read by its customer). */
    private void awaitStatus(List<Order> awaited, Set<String> statuses) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<Order> left = new ArrayList<>(awaited);
        while (!left.isEmpty()) {
            left.removeIf(order -> {
                HttpResponse<String> read = fixture.calls()
                        .get(
                                settings.queryService().resolve("/orders/" + order.id()),
                                fixture.customers().get(order.customer()).authorization());
                return read.statusCode() == 200
                        && statuses.contains(
                                ServiceCalls.read(read.body()).path("status").asText());
            });
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left.size() + " of the setup's orders are not " + statuses
                        + " in query-service after " + SETTLE.toSeconds() + " s, e.g. "
                        + left.getFirst().id());
            }
            RunFixture.sleep(POLL);
        }
    }
}
