package com.fooddelivery.systemtest;

import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceProcess;
import com.fooddelivery.testsupport.TestDatabase;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The four services started from their executable jars, each with databases of its own and a private Elasticsearch
 * index prefix, on the shared local PostgreSQL, Kafka and Elasticsearch. order-service is the identity provider: it
 * listens on a port chosen before anything starts (and keeps it across a restart), so the other three verify tokens
 * with its JWKS and issuer from the start; it makes its demo accounts, whose ADMIN {@link #accounts} uses.
 */
final class FoodDeliverySystem implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Map<String, Path> JAR_COPIES = new HashMap<>();
    /** The tests drive whole orders from one client at test speed: the per-client limit must never answer 429. */
    private static final String RATE_LIMIT = "web.rate-limit.requests-per-second";

    private static final String UNTHROTTLED = "1000000";
    static final Duration RESTAURANT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration COURIER_TIMEOUT = Duration.ofSeconds(15);
    static final Duration COURIER_SILENCE_TIMEOUT = Duration.ofSeconds(20);

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final TestDatabase orders;
    final TestDatabase payments;
    final TestDatabase deliveries;
    /** Replaced by {@link #killAndRestartOrderService()}, on the same port. */
    ServiceProcess orderService;

    /** Accounts and tokens from order-service. */
    final Accounts accounts;

    /** Replaced by {@link #startPaymentService()}. */
    ServiceProcess paymentService;

    final ServiceProcess deliveryService;
    final ServiceProcess queryService;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final int orderPort;
    private final Map<String, String> orderProperties = new HashMap<>();
    private Map<String, String> paymentProperties;

    /** Starts everything, or stops whatever it started and rethrows: no JVM outlives a failed start. */
    FoodDeliverySystem() throws Exception {
        this(RESTAURANT_TIMEOUT, COURIER_TIMEOUT);
    }

    FoodDeliverySystem(Duration restaurantTimeout, Duration courierTimeout) throws Exception {
        try {
            Infrastructure infrastructure = Infrastructure.get();
            // Each service's consumer group starts at the topics' current end: the run sees only its own messages and
            // does not first wade through every earlier run's history.
            startGroupsAtTheEnd(
                    infrastructure,
                    Map.of(
                            "query-e2e-" + run,
                            List.of(Topics.ORDERS_EVENTS, Topics.DELIVERIES_EVENTS, Topics.RESTAURANTS_EVENTS),
                            "order-e2e-" + run,
                            List.of(Topics.PAYMENTS_EVENTS, Topics.DELIVERIES_EVENTS),
                            "payment-e2e-" + run,
                            List.of(Topics.PAYMENTS_COMMANDS),
                            "delivery-e2e-" + run,
                            List.of(Topics.DELIVERIES_COMMANDS)));
            orders = track(infrastructure.newDatabase("e2eorders"));
            payments = track(infrastructure.newDatabase("e2epayments"));
            deliveries = track(infrastructure.newDatabase("e2edeliveries"));
            orderPort = ServiceProcess.freePort();
            String issuer = "http://127.0.0.1:" + orderPort;

            Map<String, String> queryProperties = new HashMap<>(verifiedBy(issuer));
            queryProperties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            queryProperties.put("spring.elasticsearch.uris", infrastructure.elasticsearchUrl());
            queryProperties.put("spring.kafka.consumer.group-id", "query-e2e-" + run);
            queryProperties.put("query.index-prefix", "e2e-" + run + "-");
            queryProperties.put(RATE_LIMIT, UNTHROTTLED);
            queryService =
                    track(ServiceProcess.startJar("query-service-" + run, jar("query-service"), queryProperties));
            orderProperties.putAll(orders.springProperties());
            orderProperties.put(RATE_LIMIT, UNTHROTTLED);
            orderProperties.put("auth.issuer", issuer);
            orderProperties.put("auth.demo-accounts", "true");
            orderProperties.put("order.query-service-url", queryService.url("/").toString());
            orderProperties.put("order.replies.group-id", "order-e2e-" + run);
            // Short enough to watch every deadline fire in a test, long enough for a test to act before it.
            orderProperties.put("order.timeouts.restaurant", restaurantTimeout.toSeconds() + "s");
            orderProperties.put("order.timeouts.courier", courierTimeout.toSeconds() + "s");
            orderService = track(
                    ServiceProcess.startJar("order-service-" + run, jar("order-service"), orderPort, orderProperties));
            paymentProperties = ownGroup(payments, "payment", issuer);
            paymentService =
                    track(ServiceProcess.startJar("payment-service-" + run, jar("payment-service"), paymentProperties));
            Map<String, String> deliveryProperties = ownGroup(deliveries, "delivery", issuer);
            // Long enough for every scenario's courier to pick up, short enough to watch a silent one replaced.
            deliveryProperties.put("delivery.courier-silence-timeout", COURIER_SILENCE_TIMEOUT.toSeconds() + "s");
            deliveryService = track(
                    ServiceProcess.startJar("delivery-service-" + run, jar("delivery-service"), deliveryProperties));
            for (ServiceProcess service : List.of(queryService, orderService, paymentService, deliveryService)) {
                service.awaitUp(STARTUP);
            }
            accounts = new Accounts(orderService.url(""));
            expectTokensAccepted();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private static void startGroupsAtTheEnd(Infrastructure infrastructure, Map<String, List<String>> topicsByGroup)
            throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            for (Map.Entry<String, List<String>> group : topicsByGroup.entrySet()) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(group.getValue())
                        .allTopicNames()
                        .get()
                        .values()
                        .forEach(topic -> topic.partitions()
                                .forEach(partition -> latest.put(
                                        new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
                Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
                admin.listOffsets(latest)
                        .all()
                        .get()
                        .forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
                admin.alterConsumerGroupOffsets(group.getKey(), ends).all().get();
            }
        }
    }

    /**
     * One request with a token to each service that serves people: a wrong JWKS address or issuer fails here, with the
     * answer, rather than as a timeout in a scenario; and the keys are fetched before the first scenario's clock runs.
     * payment-service serves no requests but its health.
     */
    private void expectTokensAccepted() throws Exception {
        String admin = accounts.admin().authorization();
        // The ADMIN may read any order, so an unknown one is 404; and ADMIN is not a courier, so 403.
        expectStatus(queryService.url("/orders/" + UUID.randomUUID()), admin, 404);
        expectStatus(deliveryService.url("/couriers/me/offer"), admin, 403);
    }

    private static void expectStatus(java.net.URI url, String authorization, int status) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url)
                            .header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException("GET " + url + " with the ADMIN's token answered "
                        + response.statusCode() + " instead of " + status + ": " + response.body()
                        + " (are the JWKS address and issuer right?)");
            }
        }
    }

    /**
     * A resource server that trusts order-service's tokens. Its keys are fetched on the first request with a token,
     * so the service may start before order-service answers.
     */
    private static Map<String, String> verifiedBy(String issuer) {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                issuer + "/.well-known/jwks.json",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                issuer);
    }

    /**
     * Its own consumer group, so a run neither resumes nor steals another run's or a running system's messages. Like
     * every new group it reads from the beginning (the messaging library sets {@code earliest} for every consumer).
     */
    private Map<String, String> ownGroup(TestDatabase database, String service, String issuer) {
        Map<String, String> properties = new HashMap<>(database.springProperties());
        properties.putAll(verifiedBy(issuer));
        properties.put("spring.kafka.consumer.group-id", service + "-e2e-" + run);
        properties.put(RATE_LIMIT, UNTHROTTLED);
        return properties;
    }

    /**
     * SIGKILL order-service and start it again on the same database and port: nothing it had committed to may be
     * lost, and the others' JWKS address stays valid. Its signing keys live in that database, so tokens issued before
     * the restart stay valid.
     */
    void killAndRestartOrderService() throws Exception {
        orderService.kill();
        orderService = track(ServiceProcess.startJar(
                "order-service-" + run + "-restarted", jar("order-service"), orderPort, orderProperties));
        orderService.awaitUp(STARTUP);
    }

    /** SIGKILL payment-service: commands for it wait in Kafka until {@link #startPaymentService()}. */
    void killPaymentService() throws InterruptedException {
        paymentService.kill();
    }

    /**
     * Starts payment-service again and waits until it alone holds its partitions: the killed instance stays a group
     * member until Kafka's session timeout expires, and until then its partitions are served by nobody.
     */
    void startPaymentService() throws Exception {
        paymentService = track(ServiceProcess.startJar(
                "payment-service-" + run + "-again", jar("payment-service"), paymentProperties));
        paymentService.awaitUp(STARTUP);
        String group = paymentProperties.get("spring.kafka.consumer.group-id");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(() -> {
                ConsumerGroupDescription description =
                        admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                return description.groupState() == GroupState.STABLE
                        && description.members().size() == 1;
            });
        }
    }

    Connection paymentsDatabase() throws SQLException {
        return DriverManager.getConnection(payments.jdbcUrl(), Infrastructure.APP_USER, Infrastructure.APP_PASSWORD);
    }

    Connection ordersDatabase() throws SQLException {
        return DriverManager.getConnection(orders.jdbcUrl(), Infrastructure.APP_USER, Infrastructure.APP_PASSWORD);
    }

    /** Services stop first (they hold connections and replication slots), then their databases and indices go. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        Infrastructure.get().deleteIndices("e2e-" + run + "-");
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /**
     * A copy of the service's jar, taken the first time this JVM asks for it: a service runs from its jar file, and a
     * rebuild of the service in the same tree while the tests run would replace that file under the running JVMs
     * (which then fail with NoClassDefFoundError). Every system of the run starts the same build.
     */
    private static synchronized Path jar(String service) throws IOException {
        Path copy = JAR_COPIES.get(service);
        if (copy == null) {
            Path root = Path.of(System.getProperty("repo.root", "../.."));
            Path jar = root.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw package first");
            }
            copy = Path.of("target", "service-jars", service + ".jar");
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            JAR_COPIES.put(service, copy);
        }
        return copy;
    }
}
