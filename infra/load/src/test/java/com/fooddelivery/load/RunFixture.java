package com.fooddelivery.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run's own world, made before the clock starts through the public API only, as the apps would: restaurants the
 * ADMIN registers ({@code POST /restaurants}), one staff account per restaurant and the couriers
 * ({@code POST /admin/users}), customers who sign up themselves ({@code POST /auth/register}). Restaurants of this
 * run share a cuisine named after the run, so customers find exactly them, and their staff see only this run's
 * orders; they stand around a random point of the city so that couriers left online by an earlier, aborted run are
 * never nearer than this run's own.
 */
final class RunFixture {

    /** The run's restaurant, its dishes and the staff working its dashboard. */
    record Restaurant(String id, double lat, double lon, List<String> itemIds, Account staff) {}

    private static final String PASSWORD = "load-test-password";
    private static final Duration RENEW_MARGIN = Duration.ofMinutes(4);

    final String runId = UUID.randomUUID().toString().substring(0, 8);
    final String cuisine = "Load " + runId;
    final double centreLat = 12.90 + ThreadLocalRandom.current().nextDouble(0.15);
    final double centreLon = 77.50 + ThreadLocalRandom.current().nextDouble(0.15);

    private final LoadSettings settings;
    private final ServiceCalls calls = new ServiceCalls();
    private final AtomicInteger usernames = new AtomicInteger();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-renewer");
        thread.setDaemon(true);
        return thread;
    });

    private Account admin;
    private List<Restaurant> restaurants = List.of();
    private List<Account> customers = List.of();
    private List<Account> couriers = List.of();

    RunFixture(LoadSettings settings) {
        this.settings = settings;
    }

    void create() {
        URI orders = settings.orderService();
        admin = new Account(settings.adminUsername(), settings.adminPassword());
        admin.signIn(calls, orders);
        restaurants = inParallel(settings.restaurants(), this::newRestaurant);
        couriers = inParallel(settings.couriers(), () -> createdByAdmin("courier", Map.of("role", "COURIER")));
        customers = inParallel(settings.customers(), this::newCustomer);
        awaitSearchable();
        renewer.scheduleWithFixedDelay(this::renewTokens, 1, 1, TimeUnit.MINUTES);
    }

    void close() {
        renewer.shutdownNow();
    }

    Account admin() {
        return admin;
    }

    List<Restaurant> restaurants() {
        return restaurants;
    }

    List<Account> customers() {
        return customers;
    }

    List<Account> couriers() {
        return couriers;
    }

    ServiceCalls calls() {
        return calls;
    }

    private Restaurant newRestaurant() {
        int number = usernames.incrementAndGet();
        // Within about 1.5 km of the centre: every customer of the run is within the search radius.
        double lat = centreLat + ThreadLocalRandom.current().nextDouble(-0.01, 0.01);
        double lon = centreLon + ThreadLocalRandom.current().nextDouble(-0.01, 0.01);
        JsonNode created = calls.post(
                settings.orderService().resolve("/restaurants"),
                admin.authorization(),
                Map.of(
                        "name", "Load kitchen " + runId + "-" + number,
                        "cuisine", cuisine,
                        "location", Map.of("lat", lat, "lon", lon),
                        "openingHours", Map.of("opensAt", "00:00", "closesAt", "00:00", "timeZone", "Asia/Kolkata"),
                        // Prices that the simulated provider never declines (CARD declines amounts ending in 51/54).
                        "menu",
                                List.of(
                                        dish("Masala Dosa", 12000),
                                        dish("Idli Vada", 9000),
                                        dish("Filter Coffee", 4000))),
                201);
        String id = created.get("restaurantId").asText();
        List<String> itemIds = new ArrayList<>();
        created.get("menu").forEach(item -> itemIds.add(item.get("itemId").asText()));
        Account staff = createdByAdmin("kitchen", Map.of("role", "RESTAURANT", "restaurantId", id));
        return new Restaurant(id, lat, lon, List.copyOf(itemIds), staff);
    }

    private static Map<String, Object> dish(String name, int priceMinor) {
        return Map.of("name", name, "price", Map.of("amountMinor", priceMinor, "currency", "INR"), "available", true);
    }

    private Account newCustomer() {
        String username = nextUsername("customer");
        calls.post(
                settings.orderService().resolve("/auth/register"),
                null,
                Map.of("username", username, "password", PASSWORD),
                201);
        Account customer = new Account(username, PASSWORD);
        customer.signIn(calls, settings.orderService());
        return customer;
    }

    private Account createdByAdmin(String kind, Map<String, String> fields) {
        String username = nextUsername(kind);
        Map<String, String> body = new java.util.HashMap<>(fields);
        body.put("username", username);
        body.put("password", PASSWORD);
        calls.post(settings.orderService().resolve("/admin/users"), admin.authorization(), body, 201);
        Account account = new Account(username, PASSWORD);
        account.signIn(calls, settings.orderService());
        return account;
    }

    private String nextUsername(String kind) {
        return "load-" + runId + "-" + kind + "-" + usernames.incrementAndGet();
    }

    /** Restaurants reach query-service through the outbox, Kafka and a search refresh: wait until all are found. */
    private void awaitSearchable() {
        URI search =
                settings.queryService().resolve("/restaurants/search?size=50&cuisine=" + cuisine.replace(" ", "%20"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            HttpResponse<String> page = calls.get(search, admin.authorization());
            if (page.statusCode() == 200
                    && ServiceCalls.read(page.body()).path("totalItems").asInt() >= restaurants.size()) {
                return;
            }
            if (page.statusCode() != 200 && page.statusCode() != 429) {
                throw new IllegalStateException(
                        "the restaurant search answered " + page.statusCode() + ": " + page.body());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the run's " + restaurants.size()
                        + " restaurants are not searchable in query-service after 2 minutes: " + page.body());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private void renewTokens() {
        List<Account> everyone = new ArrayList<>(customers);
        everyone.addAll(couriers);
        restaurants.forEach(restaurant -> everyone.add(restaurant.staff()));
        everyone.add(admin);
        for (Account account : everyone) {
            try {
                account.renewIfExpiringWithin(RENEW_MARGIN, calls, settings.orderService());
            } catch (RuntimeException e) {
                // Tried again a minute later, well before the token runs out.
                System.err.println("renewing the token of " + account + " failed: " + e.getMessage());
            }
        }
    }

    /** The customers' search for this run's restaurants around the run's centre (path and query). */
    String searchPath() {
        return "/restaurants/search?size=50&cuisine=" + cuisine.replace(" ", "%20") + "&lat=" + centreLat + "&lon="
                + centreLon + "&radiusKm=10";
    }

    /** A {@code POST /orders} body: one of the dishes, once or twice, delivered near the run's centre. */
    String orderBody(String restaurantId, List<String> menu) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("itemId", menu.get(random.nextInt(menu.size())), "quantity", 1 + random.nextInt(2)));
        return ServiceCalls.write(Map.of(
                "restaurantId",
                restaurantId,
                "items",
                items,
                "paymentMethod",
                random.nextBoolean() ? "UPI" : "CARD",
                "deliveryAddress",
                Map.of(
                        "line1", "Load test street " + random.nextInt(1, 500),
                        "city", "Bengaluru",
                        "lat", centreLat + random.nextDouble(-0.02, 0.02),
                        "lon", centreLon + random.nextDouble(-0.02, 0.02))));
    }

    /**
     * A {@code PUT /couriers/me/availability} body for the run's {@code courier}-th courier: each waits a few hundred
     * metres from one of the run's restaurants.
     */
    Map<String, Object> availability(int courier, boolean online) {
        Restaurant near = restaurants.get(courier % restaurants.size());
        return Map.of("online", online, "lat", near.lat() + 0.002, "lon", near.lon() + 0.002);
    }

    /** {@code count} results of {@code create}, a few at a time, in the order asked. */
    static <T> List<T> inParallel(int count, Callable<T> create) {
        // A few at a time: sign-up and sign-in cost a bcrypt hash each, and share one rate-limit client.
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            List<Future<T>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(executor.submit(create));
            }
            List<T> done = new ArrayList<>();
            for (Future<T> each : created) {
                done.add(each.get());
            }
            return List.copyOf(done);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set up the run", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
