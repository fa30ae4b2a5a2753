package com.fooddelivery.systemtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real accounts with real access tokens, got from order-service over HTTP as the apps get them: customers register
 * themselves ({@code POST /auth/register}); restaurant staff and couriers are made by the demo ADMIN
 * ({@code POST /admin/users}); everyone signs in with {@code POST /auth/token}. A signed-in account keeps its token
 * and signs in again shortly before it expires, so a long benchmark keeps working. Signing in costs a bcrypt check
 * (about 100 ms): make a handful of accounts and share them, not one per order.
 */
final class Accounts {

    /** The password of order-service's demo accounts ({@code auth.demo-accounts=true}). */
    static final String DEMO_PASSWORD = "demo-password";

    private static final String PASSWORD = "system-test-password";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI orderService;
    private final String adminUsername;
    private final String adminPassword;
    /** Usernames are unique per instance, also against a long-lived database that earlier runs wrote to. */
    private final String usernamePrefix = "st-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    private final AtomicInteger usernames = new AtomicInteger();
    private final Map<UUID, Account> staff = new ConcurrentHashMap<>();
    private Account admin;

    /** With order-service's demo ADMIN. */
    Accounts(URI orderService) {
        this(orderService, "admin", DEMO_PASSWORD);
    }

    /** @param orderService order-service's root, e.g. {@code http://127.0.0.1:8081} */
    Accounts(URI orderService, String adminUsername, String adminPassword) {
        this.orderService = orderService;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    /** The ADMIN that creates the other accounts; may also read every order. */
    synchronized Account admin() {
        if (admin == null) {
            admin = signIn(adminUsername, adminPassword);
        }
        return admin;
    }

    /** An existing account, e.g. a demo one. */
    Account signIn(String username, String password) {
        Account account = new Account(username, password);
        account.authorization();
        return account;
    }

    /** A new customer who registered themselves and signed in; {@link Account#id()} is the customer id. */
    Account newCustomer() {
        String username = nextUsername("customer");
        JsonNode created = expect(
                201,
                send(
                        HttpRequest.newBuilder(orderService.resolve("/auth/register")),
                        Map.of("username", username, "password", PASSWORD)));
        Account customer = signIn(username, PASSWORD);
        if (!customer.id().equals(UUID.fromString(created.get("id").asString()))) {
            throw new IllegalStateException("the token of " + username + " names another account: " + created);
        }
        return customer;
    }

    List<Account> newCustomers(int count) {
        return inParallel(count, this::newCustomer);
    }

    /** Staff of {@code restaurantId}, made by the ADMIN the first time it is asked for. */
    Account staffOf(UUID restaurantId) {
        return staff.computeIfAbsent(
                restaurantId,
                restaurant ->
                        createdByAdmin("staff", Map.of("role", "RESTAURANT", "restaurantId", restaurant.toString())));
    }

    Account staffOf(String restaurantId) {
        return staffOf(UUID.fromString(restaurantId));
    }

    /** A new courier, made by the ADMIN; {@link Account#courierId()} is the courier delivery-service knows. */
    Account newCourier() {
        return createdByAdmin("courier", Map.of("role", "COURIER"));
    }

    List<Account> newCouriers(int count) {
        return inParallel(count, this::newCourier);
    }

    private Account createdByAdmin(String kind, Map<String, String> fields) {
        String username = nextUsername(kind);
        Map<String, String> body = new HashMap<>(fields);
        body.put("username", username);
        body.put("password", PASSWORD);
        expect(
                201,
                send(
                        HttpRequest.newBuilder(orderService.resolve("/admin/users"))
                                .header("Authorization", admin().authorization()),
                        body));
        return signIn(username, PASSWORD);
    }

    private String nextUsername(String kind) {
        return usernamePrefix + kind + "-" + usernames.incrementAndGet();
    }

    private static List<Account> inParallel(int count, Callable<Account> create) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Account>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(executor.submit(create));
            }
            List<Account> accounts = new ArrayList<>();
            for (Future<Account> account : created) {
                accounts.add(account.get());
            }
            return accounts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create accounts", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> body) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("order-service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * A signed-in account. Its ids are read from its token's claims, as the services read them: {@code sub} (the
     * customer id of a CUSTOMER), {@code restaurantId} of staff, {@code courierId} of a courier.
     */
    final class Account {

        private final String username;
        private final String password;
        private String token;
        private Instant renewAt = Instant.MIN;
        private JsonNode claims;

        private Account(String username, String password) {
            this.username = username;
            this.password = password;
        }

        String username() {
            return username;
        }

        /** The value of the {@code Authorization} header: {@code Bearer <token>}. */
        synchronized String authorization() {
            if (Instant.now().isAfter(renewAt)) {
                Instant asked = Instant.now();
                JsonNode response = expect(
                        200,
                        send(
                                HttpRequest.newBuilder(orderService.resolve("/auth/token")),
                                Map.of("username", username, "password", password)));
                if (!"Bearer".equals(response.path("token_type").asString())) {
                    throw new IllegalStateException("not a bearer token: " + response);
                }
                token = response.get("access_token").asString();
                claims = JSON.readTree(
                        Base64.getUrlDecoder().decode(token.split("\\.")[1].getBytes(StandardCharsets.US_ASCII)));
                renewAt = asked.plusSeconds(response.get("expires_in").asLong()).minus(RENEW_BEFORE_EXPIRY);
            }
            return "Bearer " + token;
        }

        /** The account id ({@code sub}): for a CUSTOMER, the customer id. */
        synchronized UUID id() {
            return UUID.fromString(claims.get("sub").asString());
        }

        synchronized UUID restaurantId() {
            return uuidClaim("restaurantId");
        }

        synchronized UUID courierId() {
            return uuidClaim("courierId");
        }

        private UUID uuidClaim(String name) {
            JsonNode value = claims.get(name);
            return value == null || value.isNull() ? null : UUID.fromString(value.asString());
        }

        @Override
        public String toString() {
            return username;
        }
    }
}
