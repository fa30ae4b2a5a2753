package com.fooddelivery.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A lunch rush, played as the three apps play it against a running system ({@code infra/local/up}):
 *
 * <ul>
 *   <li><b>customers</b> arrive at a rate (open model): each is one of the run's signed-up customers, searches this
 *       run's restaurants near them, opens a menu, places an order with an {@code Idempotency-Key}, and follows it by
 *       long-poll ({@code waitSeconds} with {@code If-None-Match}) until it ends: no tight polling;
 *   <li><b>restaurant dashboards</b>, one per restaurant, read their queue once a {@code load.dashboardMillis} and
 *       accept and mark ready what is due;
 *   <li><b>couriers</b>, online near the restaurants, ask for an offer once a {@code load.courierPollMillis} while
 *       idle, accept it, wait for the food by long-poll, pick up and deliver.
 * </ul>
 *
 * The profile ({@code -Dload.profile=smoke|intake|rush|soak}, see {@link LoadSettings}) decides the arrivals; the
 * {@code intake} customers place and follow only until the payment is authorized, then cancel (so that no open order
 * is left to the next run), and no restaurant or courier acts. Next to Gatling's report, the run folder gets
 * {@code lifecycle.json}: what customers saw of their orders, how the orders ended (read back from query-service),
 * CPU seconds of every process during the load and heap after GC of every service before and after.
 */
public class LunchRushSimulation extends Simulation {

    private static final String JSON = "application/json";
    private static final int LONG_POLL_SECONDS = 25;
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** Gatling's request timeout (gatling.http.requestTimeout, 60 s) and a margin. */
    private static final Duration LAST_REQUEST = Duration.ofSeconds(65);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final RunFixture fixture = new RunFixture(settings);
    private final OrderTracker tracker = new OrderTracker();
    private final RateLevels intake = new RateLevels(settings.intake());
    private final List<Kitchen> kitchens = new ArrayList<>();
    private final AtomicInteger nextKitchen = new AtomicInteger();
    private final AtomicInteger nextCourier = new AtomicInteger();

    private final String orders = settings.orderService().toString();
    private final String deliveries = settings.deliveryService().toString();
    private final String queries = settings.queryService().toString();

    private volatile long arrivalsEndNanos;
    private RunMeasurement measurement;

    {
        for (int i = 0; i < settings.restaurants(); i++) {
            kitchens.add(new Kitchen(settings.prepTime()));
        }
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(customers().injectOpen(arrivals()));
        if (settings.wholeLifecycle()) {
            populations.add(dashboards().injectOpen(atOnceUsers(settings.restaurants())));
            if (settings.couriers() > 0) {
                populations.add(couriers().injectOpen(atOnceUsers(settings.couriers())));
            }
        }
        SetUp setUp = setUp(populations)
                .protocols(LoadDsl.protocol())
                // A safety net only: the run ends when the last customer stops following and the workers stop.
                .maxDuration(settings.rampUp()
                        .plus(settings.duration())
                        .plus(settings.followTimeout())
                        .plus(settings.drainTimeout()));
        if (settings.profile() != LoadSettings.Profile.INTAKE) {
            // The smoke run in CI fails on this; for rush and soak a failed request is a finding, reported as such.
            setUp.assertions(global().failedRequests().count().is(0L));
        }
    }

    // ------------------------------------------------------------------ arrivals

    private OpenInjectionStep[] arrivals() {
        return settings.profile() == LoadSettings.Profile.INTAKE
                ? LoadDsl.steppedArrivals(settings.intake())
                : LoadDsl.steadyArrivals(settings);
    }

    // ------------------------------------------------------------------ customers

    private ScenarioBuilder customers() {
        // Any of the run's customers, drawn per arrival (ThreadLocalRandom of the thread that draws).
        Iterator<Map<String, Object>> customerFeeder = Stream.generate(() -> Map.<String, Object>of(
                        "customer", ThreadLocalRandom.current().nextInt(settings.customers())))
                .iterator();
        ChainBuilder chooseDishes = settings.wholeLifecycle() ? browse() : exec(this::pickKnownDish);
        return scenario("customer")
                .feed(customerFeeder)
                .exec(session -> {
                    tracker.startedFollowing();
                    return session;
                })
                .exitBlockOnFail()
                .on(chooseDishes)
                // A customer whose search or menu failed (a KO already) gives up, as an app user would; the order
                // is not placed, so the failure is counted once and not again by every later step.
                .doIf(session -> !session.isFailed() && session.contains("orderBody"))
                .then(exec(placeOrder())
                        .doIf(session -> session.contains("orderId"))
                        .then(followOrder()))
                .exec(session -> {
                    if (!session.contains("sentNanos")) {
                        tracker.gaveUpBeforeOrdering();
                    }
                    tracker.stoppedFollowing();
                    return session;
                });
    }

    /** Find this run's restaurants near the customer, open one's menu, pick one or two dishes. */
    private ChainBuilder browse() {
        return exec(http("customer: search restaurants")
                        .get(session -> queries + fixture.searchPath())
                        .header("Authorization", this::customerAuthorization)
                        .check(
                                status().is(200),
                                jsonPath("$.items[*].restaurantId").findAll().saveAs("found")))
                .exec(session -> {
                    if (!session.contains("found")) {
                        return session.markAsFailed();
                    }
                    List<String> found = session.getList("found");
                    return session.set(
                            "restaurantId",
                            found.get(ThreadLocalRandom.current().nextInt(found.size())));
                })
                .exec(http("customer: open menu")
                        .get(session -> queries + "/restaurants/" + session.getString("restaurantId"))
                        .header("Authorization", this::customerAuthorization)
                        .check(
                                status().is(200),
                                jsonPath("$.menu[?(@.available == true)].itemId")
                                        .findAll()
                                        .saveAs("menu")))
                .exec(session -> session.contains("menu")
                        ? session.set(
                                "orderBody",
                                fixture.orderBody(session.getString("restaurantId"), session.getList("menu")))
                        : session.markAsFailed());
    }

    /** Intake: the dishes are known from the setup, so that only {@code POST /orders} carries load. */
    private Session pickKnownDish(Session session) {
        List<RunFixture.Restaurant> restaurants = fixture.restaurants();
        RunFixture.Restaurant restaurant =
                restaurants.get(ThreadLocalRandom.current().nextInt(restaurants.size()));
        return session.set("restaurantId", restaurant.id())
                .set("orderBody", fixture.orderBody(restaurant.id(), restaurant.itemIds()));
    }

    private ChainBuilder placeOrder() {
        return exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString())
                        .set("sentNanos", System.nanoTime()))
                .exec(stopLoadGeneratorIf(session -> intake.brokenMessage(), session -> intake.broken()))
                .exec(http("customer: place order")
                        .post(orders + "/orders")
                        .header("Authorization", this::customerAuthorization)
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .header("Content-Type", JSON)
                        .body(StringBody("#{orderBody}"))
                        .check(
                                status().saveAs("placedStatus"),
                                responseTimeInMillis().saveAs("placedMillis"),
                                status().is(202),
                                jsonPath("$.orderId").saveAs("orderId")))
                .exec(session -> {
                    long sent = session.getLong("sentNanos");
                    boolean accepted = session.contains("orderId") && session.getInt("placedStatus") == 202;
                    if (accepted) {
                        tracker.placed(session.getString("orderId"), sent);
                    } else {
                        tracker.refused();
                    }
                    if (settings.profile() == LoadSettings.Profile.INTAKE) {
                        intake.record(
                                sent, session.contains("placedMillis") ? session.getInt("placedMillis") : 0, !accepted);
                    }
                    return accepted ? session : session.remove("orderId");
                });
    }

    /**
     * Long-polls the order until it ends (intake: until paid for, then cancels it). The first read waits for the order
     * to exist; each next one sends the ETag it has and is answered at the next change, or 304 after 25 s.
     */
    private ChainBuilder followOrder() {
        boolean untilPaid = !settings.wholeLifecycle();
        return exec(session -> session.set("etag", "")
                        .set("orderStatus", "")
                        .set(
                                "followUntil",
                                System.nanoTime() + settings.followTimeout().toNanos()))
                .asLongAs(session -> !followDone(session, untilPaid))
                .on(longPoll("customer: follow order", this::customerAuthorization)
                        .exec(session -> {
                            tracker.seen(session.getString("orderId"), session.getString("orderStatus"));
                            return session;
                        }))
                .doIfOrElse(
                        session -> untilPaid && session.getString("orderStatus").equals("AWAITING_RESTAURANT"))
                .then(exec(http("customer: cancel order")
                        .post(session -> orders + "/orders/" + session.getString("orderId") + "/cancel")
                        .header("Authorization", this::customerAuthorization)
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        // 409: the order moved on meanwhile (e.g. the restaurant's deadline), nothing to undo.
                        .check(status().in(200, 409))))
                .orElse(exec(http("customer: my orders")
                        .get(queries + "/customers/me/orders")
                        .header("Authorization", this::customerAuthorization)
                        .check(status().is(200))));
    }

    private boolean followDone(Session session, boolean untilPaid) {
        if (System.nanoTime() > session.getLong("followUntil")) {
            return true;
        }
        String status = session.getString("orderStatus");
        return OrderTracker.FINAL.contains(status) || (untilPaid && !status.isEmpty() && !status.equals("PENDING"));
    }

    /**
     * One long-poll of {@code #{orderId}}, saving the ETag and the status: without an ETag it waits for the order to
     * be readable by the caller (404 after 25 s if not), with one for the next change (304 after 25 s if none).
     */
    private ChainBuilder longPoll(String name, Function<Session, String> authorization) {
        Function<Session, String> url =
                session -> queries + "/orders/" + session.getString("orderId") + "?waitSeconds=" + LONG_POLL_SECONDS;
        HttpRequestActionBuilder firstSight = http(name + " (first sight)")
                .get(url)
                .header("Authorization", authorization)
                .check(
                        status().saveAs("readStatus"),
                        status().in(200, 404),
                        header("ETag").optional().saveAs("etag"),
                        bodyString().saveAs("readBody"));
        HttpRequestActionBuilder nextChange = http(name + " (next change)")
                .get(url)
                .header("Authorization", authorization)
                .header("If-None-Match", "#{etag}")
                .check(
                        status().saveAs("readStatus"),
                        status().in(200, 304),
                        header("ETag").optional().saveAs("etag"),
                        bodyString().saveAs("readBody"));
        return exec(session -> session.remove("readStatus").remove("readBody"))
                .doIfOrElse(session -> session.getString("etag").isEmpty())
                .then(exec(firstSight))
                .orElse(exec(nextChange))
                .exec(session -> {
                    int status = session.contains("readStatus") ? session.getInt("readStatus") : 0;
                    if (status == 200 && session.contains("readBody")) {
                        String orderStatus = ServiceCalls.read(session.getString("readBody"))
                                .path("status")
                                .asText();
                        return session.set("orderStatus", orderStatus).set("backOff", false);
                    }
                    // 404: not readable yet, wait for it again; 304: unchanged, keep the ETag.
                    Session next = status == 404 ? session.set("etag", "") : session;
                    // Anything else (a 429, a 5xx, no answer) is a KO already; an app would not retry at once.
                    return next.set("backOff", status != 304 && status != 404);
                })
                .pause(session -> session.getBoolean("backOff") ? Duration.ofSeconds(1) : Duration.ZERO);
    }

    private String customerAuthorization(Session session) {
        return fixture.customers().get(session.getInt("customer")).authorization();
    }

    // ------------------------------------------------------------------ restaurants

    private ScenarioBuilder dashboards() {
        return scenario("restaurant dashboard")
                .exec(session -> session.set("kitchen", nextKitchen.getAndIncrement()))
                .asLongAs(session -> !workersMayStop())
                .on(exec(http("restaurant: read queue")
                                .get(session -> queries + "/restaurants/"
                                        + restaurant(session).id() + "/orders?size=200")
                                .header("Authorization", this::staffAuthorization)
                                .check(
                                        status().is(200),
                                        jsonPath("$.orders[?(@.status == 'AWAITING_RESTAURANT')].orderId")
                                                .findAll()
                                                .optional()
                                                .saveAs("waiting")))
                        .exec(session -> session.set(
                                        "toAccept",
                                        kitchen(session)
                                                .toAccept(
                                                        session.contains("waiting")
                                                                ? session.getList("waiting")
                                                                : List.of()))
                                .remove("waiting"))
                        .foreach(session -> session.getList("toAccept"), "acceptId")
                        .on(exec(http("restaurant: accept order")
                                        .post(session -> orders + "/restaurants/"
                                                + restaurant(session).id() + "/orders/" + session.getString("acceptId")
                                                + "/accept")
                                        .header("Authorization", this::staffAuthorization)
                                        .header("Idempotency-Key", session -> UUID.randomUUID()
                                                .toString())
                                        .header("Content-Type", JSON)
                                        .body(StringBody("{\"prepTimeMinutes\":10}"))
                                        .check(status().is(200).saveAs("acceptStatus")))
                                .exec(session -> {
                                    if (session.contains("acceptStatus")) {
                                        kitchen(session).accepted(session.getString("acceptId"));
                                    } else {
                                        kitchen(session).finished(session.getString("acceptId"));
                                    }
                                    return session.remove("acceptStatus");
                                }))
                        .exec(session ->
                                session.set("toMarkReady", kitchen(session).toMarkReady()))
                        .foreach(session -> session.getList("toMarkReady"), "readyId")
                        .on(exec(http("restaurant: mark ready")
                                        .post(session -> orders + "/restaurants/"
                                                + restaurant(session).id() + "/orders/" + session.getString("readyId")
                                                + "/ready")
                                        .header("Authorization", this::staffAuthorization)
                                        .header("Idempotency-Key", session -> UUID.randomUUID()
                                                .toString())
                                        .check(status().is(200)))
                                .exec(session -> {
                                    kitchen(session).finished(session.getString("readyId"));
                                    return session;
                                }))
                        .pause(settings.dashboardInterval()));
    }

    private RunFixture.Restaurant restaurant(Session session) {
        return fixture.restaurants().get(session.getInt("kitchen"));
    }

    private Kitchen kitchen(Session session) {
        return kitchens.get(session.getInt("kitchen"));
    }

    private String staffAuthorization(Session session) {
        return restaurant(session).staff().authorization();
    }

    // ------------------------------------------------------------------ couriers

    private ScenarioBuilder couriers() {
        return scenario("courier")
                .exec(session -> session.set("courier", nextCourier.getAndIncrement()))
                .exec(availability("courier: go online", true))
                .asLongAs(session -> !workersMayStop())
                .on(exec(session -> session.remove("offerStatus"))
                        .exec(http("courier: ask for an offer")
                                .get(deliveries + "/couriers/me/offer")
                                .header("Authorization", this::courierAuthorization)
                                // 404 no-offer: nothing for this courier now, the normal answer while idle.
                                .check(
                                        status().saveAs("offerStatus"),
                                        status().in(200, 404),
                                        jsonPath("$.deliveryId").optional().saveAs("deliveryId"),
                                        jsonPath("$.orderId").optional().saveAs("orderId")))
                        .doIfOrElse(session -> session.contains("offerStatus") && session.getInt("offerStatus") == 200)
                        .then(deliverOffer())
                        .orElse(pause(settings.courierPollInterval())))
                .exec(availability("courier: go offline", false));
    }

    private ChainBuilder deliverOffer() {
        return exec(http("courier: accept delivery")
                        .post(session -> deliveries + "/deliveries/" + session.getString("deliveryId") + "/accept")
                        .header("Authorization", this::courierAuthorization)
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .check(status().is(200)))
                .exec(session -> session.set("etag", "")
                        .set("orderStatus", "")
                        .set(
                                "followUntil",
                                System.nanoTime() + settings.followTimeout().toNanos()))
                .asLongAs(session -> !foodReadyOrGone(session))
                .on(longPoll("courier: wait for the food", this::courierAuthorization))
                .doIfOrElse(session -> session.getString("orderStatus").equals("READY_FOR_PICKUP"))
                .then(exec(http("courier: pick up")
                                .post(session ->
                                        deliveries + "/deliveries/" + session.getString("deliveryId") + "/pickup")
                                .header("Authorization", this::courierAuthorization)
                                .header("Idempotency-Key", session -> UUID.randomUUID()
                                        .toString())
                                .check(status().is(200)))
                        .pause(settings.rideTime())
                        .exec(http("courier: deliver")
                                .post(session ->
                                        deliveries + "/deliveries/" + session.getString("deliveryId") + "/deliver")
                                .header("Authorization", this::courierAuthorization)
                                .header("Idempotency-Key", session -> UUID.randomUUID()
                                        .toString())
                                .check(status().is(200)))
                        // The courier app's job list, refreshed after each job.
                        .exec(http("courier: my deliveries")
                                .get(queries + "/couriers/me/deliveries")
                                .header("Authorization", this::courierAuthorization)
                                .check(status().is(200))))
                .orElse(exec(session -> session));
    }

    private static boolean foodReadyOrGone(Session session) {
        String status = session.getString("orderStatus");
        return status.equals("READY_FOR_PICKUP")
                || OrderTracker.FINAL.contains(status)
                || status.equals("OUT_FOR_DELIVERY")
                || System.nanoTime() > session.getLong("followUntil");
    }

    private ChainBuilder availability(String name, boolean online) {
        return exec(http(name)
                .put(deliveries + "/couriers/me/availability")
                .header("Authorization", this::courierAuthorization)
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .header("Content-Type", JSON)
                .body(StringBody(
                        session -> ServiceCalls.write(fixture.availability(session.getInt("courier"), online))))
                .check(status().is(200)));
    }

    private String courierAuthorization(Session session) {
        return fixture.couriers().get(session.getInt("courier")).authorization();
    }

    /**
     * Restaurants and couriers work until the last customer stopped following an order, and at the latest until no
     * customer can still be following: the follow timeout plus one last request (Gatling gives up on a request after
     * 60 s). The bound keeps a virtual user that died without saying so from keeping the workers forever.
     */
    private boolean workersMayStop() {
        long now = System.nanoTime();
        if (now <= arrivalsEndNanos + STOP_GRACE.toNanos()) {
            return false;
        }
        return tracker.following() == 0
                || now
                        > arrivalsEndNanos
                                + settings.followTimeout().plus(LAST_REQUEST).toNanos();
    }

    // ------------------------------------------------------------------ before and after

    @Override
    public void before() {
        System.out.printf(
                "load: %s profile against %s, %s, %s; setting up %d restaurants, %d couriers, %d customers%n",
                settings.profile(),
                orders,
                deliveries,
                queries,
                settings.restaurants(),
                settings.couriers(),
                settings.customers());
        fixture.create();
        measurement = RunMeasurement.start(settings);
        arrivalsEndNanos = measurement.startNanos()
                + settings.rampUp().plus(settings.duration()).toNanos();
        intake.start();
        System.out.printf(
                "load: run %s set up, load starts (processes measured: %s)%n",
                fixture.runId, measurement.pids().keySet());
    }

    @Override
    public void after() {
        Map<String, Object> measured = measurement.finish();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("runId", fixture.runId);
        results.put("profile", settings.profile().name().toLowerCase(java.util.Locale.ROOT));
        results.put("targetRate", settings.ratePerSecond());
        results.put("durationSeconds", settings.duration().toSeconds());
        results.put("rampUpSeconds", settings.rampUp().toSeconds());
        results.put("restaurants", settings.restaurants());
        results.put("couriers", settings.couriers());
        results.put("customers", settings.customers());
        results.put("prepSeconds", settings.prepTime().toMillis() / 1000.0);
        results.put("rideSeconds", settings.rideTime().toMillis() / 1000.0);
        results.put("orders", tracker.results());
        results.put("ended", FinalStatuses.read(fixture, settings, tracker.placedCount()));
        results.putAll(measured);
        if (settings.profile() == LoadSettings.Profile.INTAKE) {
            results.put("intake", intake.results());
        }
        fixture.close();
        RunMeasurement.write(settings, "lifecycle.json", results);
    }
}
