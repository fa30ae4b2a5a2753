package com.fooddelivery.load;

import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fooddelivery.load.ReadMix.Read;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The apps' reads at a constant rate ({@code infra/load/run reads}): each arriving virtual user makes one read, drawn
 * from the mix ({@link ReadMix}, weights {@code -Dload.reads.<read>}), so users/s are reads/s. Before the clock starts
 * the run gets its accounts and restaurants ({@link RunFixture}) and orders in several states ({@link OrdersToRead});
 * nothing writes during the load. Conditional reads (tracking, menu) send the last ETag the app saw
 * ({@link ReadAnswers}). No {@code waitSeconds} long-poll: this profile measures what a read costs, not how long a
 * change takes to show. Next to Gatling's report the run folder gets {@code reads.json}: answers by status, CPU
 * seconds of every process during the load and heap after GC.
 */
public class ReadsSimulation extends Simulation {

    private static final Duration LAST_REQUEST = Duration.ofSeconds(65);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final ReadMix mix = settings.reads().mix();
    private final RunFixture fixture = new RunFixture(settings);
    private final OrdersToRead toRead = new OrdersToRead(fixture, settings);
    private final ReadAnswers answers = new ReadAnswers(settings.reads().newScreenShare());
    /** Null at a constant rate. */
    private final RateLevels levels = settings.reads().steps() == null
            ? null
            : new RateLevels(settings.reads().steps(), "reads", "reads/s");

    private final String queries = settings.queryService().toString();
    private RunMeasurement measurement;

    {
        SetUp setUp = setUp(readers()
                        .injectOpen(
                                levels == null
                                        ? LoadDsl.steadyArrivals(settings)
                                        : LoadDsl.steppedArrivals(
                                                settings.reads().steps())))
                .protocols(LoadDsl.protocol())
                .maxDuration(settings.rampUp().plus(settings.duration()).plus(LAST_REQUEST));
        if (levels == null) {
            // A stepped rate is meant to break (a failed read breaks its level); a constant one must not fail.
            setUp.assertions(global().failedRequests().count().is(0L));
        }
    }

    private ScenarioBuilder readers() {
        // Per arrival: which read, a number to choose whose (order, customer, restaurant, courier) and one to decide
        // whether the app has just opened the screen. ThreadLocalRandom of the thread that draws.
        Iterator<Map<String, Object>> draws = Stream.generate(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    return Map.<String, Object>of(
                            "read", mix.pick(random.nextDouble()),
                            "who", random.nextInt(Integer.MAX_VALUE),
                            "screen", random.nextDouble());
                })
                .iterator();
        List<Choice.WithKey> reads = new ArrayList<>();
        for (Read read : Read.values()) {
            reads.add(onCase(read).then(read(read)));
        }
        ScenarioBuilder readers = scenario("reader").feed(draws);
        if (levels != null) {
            readers = readers.exec(stopLoadGeneratorIf(session -> levels.brokenMessage(), session -> levels.broken()));
        }
        return readers.exec(doSwitch("#{read}").on(reads));
    }

    private ChainBuilder read(Read read) {
        return switch (read) {
            case TRACKING ->
                exec(session -> {
                            OrdersToRead.Order order = order(session);
                            return conditionally(
                                    session.set("orderId", order.id()).set("customer", order.customer()),
                                    "order " + order.id());
                        })
                        .exec(conditional(
                                "customer: track order",
                                session -> queries + "/orders/" + session.getString("orderId"),
                                this::customerAuthorization));
            case MY_ORDERS ->
                exec(session -> session.set("customer", who(session, fixture.customers())))
                        .exec(plain(
                                "customer: my orders",
                                session -> queries + "/customers/me/orders",
                                this::customerAuthorization));
            case RESTAURANT_QUEUE ->
                exec(session -> session.set("restaurant", who(session, fixture.restaurants())))
                        .exec(plain(
                                "restaurant: read queue",
                                session -> queries + "/restaurants/"
                                        + restaurant(session).id() + "/orders",
                                session -> restaurant(session).staff().authorization()));
            case COURIER_JOBS ->
                exec(session -> session.set("courier", who(session, fixture.couriers())))
                        .exec(plain(
                                "courier: my deliveries",
                                session -> queries + "/couriers/me/deliveries",
                                session -> fixture.couriers()
                                        .get(session.getInt("courier"))
                                        .authorization()));
            case MENU ->
                exec(session -> {
                            int restaurant = who(session, fixture.restaurants());
                            return conditionally(
                                    session.set("restaurant", restaurant)
                                            .set(
                                                    "customer",
                                                    restaurant
                                                            % fixture.customers()
                                                                    .size()),
                                    "menu " + restaurant);
                        })
                        .exec(conditional(
                                "customer: open menu",
                                session -> queries + "/restaurants/"
                                        + restaurant(session).id(),
                                this::customerAuthorization));
            case SEARCH ->
                exec(session -> session.set("customer", who(session, fixture.customers())))
                        .exec(plain(
                                "customer: search restaurants",
                                session -> queries + fixture.searchPath(),
                                this::customerAuthorization));
        };
    }

    /** A read that expects 200 and remembers nothing. */
    private ChainBuilder plain(String name, Function<Session, String> url, Function<Session, String> authorization) {
        return exec(http(name)
                        .get(url)
                        .header("Authorization", authorization)
                        .check(
                                responseTimeInMillis().saveAs("millis"),
                                status().saveAs("readStatus"),
                                status().is(200)))
                .exec(session -> answered(session, name, null));
    }

    /** Sets {@code resource} and, unless the app has just opened the screen, the ETag it last saw of it. */
    private Session conditionally(Session session, String resource) {
        String etag = answers.ifNoneMatch(resource, session.getDouble("screen"));
        Session next = session.set("resource", resource);
        return etag == null ? next.remove("ifNoneMatch") : next.set("ifNoneMatch", etag);
    }

    /**
     * Without an ETag a read that expects 200; with one the same read with {@code If-None-Match}, under its own name,
     * that expects 200 or 304. Both keep the ETag of the answer for the next read of the resource.
     */
    private ChainBuilder conditional(
            String name, Function<Session, String> url, Function<Session, String> authorization) {
        String withEtag = name + " (If-None-Match)";
        HttpRequestActionBuilder first = http(name)
                .get(url)
                .header("Authorization", authorization)
                .check(
                        responseTimeInMillis().saveAs("millis"),
                        status().saveAs("readStatus"),
                        status().is(200),
                        header("ETag").optional().saveAs("etag"));
        HttpRequestActionBuilder again = http(withEtag)
                .get(url)
                .header("Authorization", authorization)
                .header("If-None-Match", "#{ifNoneMatch}")
                .check(
                        responseTimeInMillis().saveAs("millis"),
                        status().saveAs("readStatus"),
                        status().in(200, 304),
                        header("ETag").optional().saveAs("etag"));
        return doIfOrElse(session -> session.contains("ifNoneMatch"))
                .then(exec(again).exec(session -> answered(session, withEtag, session.getString("resource"))))
                .orElse(exec(first).exec(session -> answered(session, name, session.getString("resource"))));
    }

    private Session answered(Session session, String request, String resource) {
        if (levels != null) {
            long millis = session.contains("millis") ? session.getLong("millis") : 0;
            levels.record(System.nanoTime() - millis * 1_000_000, millis, session.isFailed());
        }
        answers.answered(
                request,
                resource,
                session.contains("readStatus") ? session.getInt("readStatus") : 0,
                session.contains("etag") ? session.getString("etag") : null);
        return session;
    }

    private static int who(Session session, List<?> among) {
        return session.getInt("who") % among.size();
    }

    private OrdersToRead.Order order(Session session) {
        return toRead.orders().get(who(session, toRead.orders()));
    }

    private RunFixture.Restaurant restaurant(Session session) {
        return fixture.restaurants().get(session.getInt("restaurant"));
    }

    private String customerAuthorization(Session session) {
        return fixture.customers().get(session.getInt("customer")).authorization();
    }

    /** For the summary: the arrivals in words. */
    private String arrivals() {
        LoadSettings.RateSteps steps = settings.reads().steps();
        if (steps == null) {
            return String.format(
                    Locale.ROOT,
                    "%s reads/s for %d s%s",
                    settings.ratePerSecond(),
                    settings.duration().toSeconds(),
                    settings.rampUp().isZero()
                            ? ""
                            : " after a " + settings.rampUp().toSeconds() + " s ramp");
        }
        return String.format(
                Locale.ROOT,
                "stepped: %s reads/s up by %s, %d levels of %d s (%d s ramps), until p95 > %d ms or a failed read",
                steps.startRate(),
                steps.stepRate(),
                steps.levels(),
                steps.levelDuration().toSeconds(),
                steps.rampBetween().toSeconds(),
                steps.limit().toMillis());
    }

    @Override
    public void before() {
        System.out.printf(
                "load: reads profile against %s; setting up %d restaurants, %d couriers, %d customers, %d orders%n",
                queries,
                settings.restaurants(),
                settings.couriers(),
                settings.customers(),
                settings.reads().orders());
        fixture.create();
        toRead.create();
        measurement = RunMeasurement.start(settings, settings.reads().idle());
        if (levels != null) {
            levels.start();
        }
        System.out.printf(
                "load: run %s set up (%s), %s: %s (processes measured: %s)%n",
                fixture.runId,
                toRead.results(),
                arrivals(),
                mix.describe(),
                measurement.pids().keySet());
    }

    @Override
    public void after() {
        Map<String, Object> measured = measurement.finish();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("runId", fixture.runId);
        results.put("profile", settings.profile().name().toLowerCase(Locale.ROOT));
        results.put("targetRate", settings.ratePerSecond());
        results.put("durationSeconds", settings.duration().toSeconds());
        results.put("rampUpSeconds", settings.rampUp().toSeconds());
        results.put("arrivals", arrivals());
        results.put("restaurants", settings.restaurants());
        results.put("couriers", settings.couriers());
        results.put("customers", settings.customers());
        results.put("mix", mix.describe());
        results.put("newScreenShare", settings.reads().newScreenShare());
        results.put("setup", toRead.results());
        results.put("reads", answers.total());
        results.put("answers", answers.results());
        if (levels != null) {
            results.put("levels", levels.results());
        }
        results.putAll(measured);
        RunMeasurement.write(settings, "reads.json", results);
        toRead.windDown();
        fixture.close();
    }
}
