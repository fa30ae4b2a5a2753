package com.fooddelivery.delivery.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.testsupport.AtOnce;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import com.fooddelivery.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Courier dispatch on real PostgreSQL and Kafka: RequestCourier on {@code deliveries.commands} → offers to the
 * nearest courier over HTTP → CourierAssigned, DeliveryPickedUp, DeliveryDelivered on {@code deliveries.events}.
 * Couriers call with their access token ({@link TestTokens}); callers without a valid courier's token change nothing.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "delivery.offer-timeout=3s",
            "delivery.sweep-interval=200ms",
            // Longer than any test takes between accepting and picking up (or delivering), short enough to watch.
            "delivery.courier-silence-timeout=5s",
            "delivery.overdue-after=5s"
        })
class CourierDispatchIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** MG Road, Bengaluru. */
    private static final GeoPoint RESTAURANT = new GeoPoint(12.9750, 77.6060);

    private static final List<ConsumerRecord<String, String>> EVENTS = new CopyOnWriteArrayList<>();
    /** Calls fired at once by the race tests, one thread each (and one more for a Kafka command). */
    private static final int RACERS = 8;

    private static final ExecutorService RACING = Executors.newFixedThreadPool(2 * RACERS + 1);
    private static KafkaConsumer<String, String> eventConsumer;
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void connectToKafka() {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(), new StringSerializer());
        eventConsumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = eventConsumer.partitionsFor(Topics.DELIVERIES_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        eventConsumer.assign(partitions);
        eventConsumer.seekToEnd(partitions);
        partitions.forEach(eventConsumer::position); // resolve the end now, before anything is published
    }

    @AfterAll
    static void disconnect() {
        RACING.shutdownNow();
        eventConsumer.close();
        producer.close();
    }

    @BeforeEach
    void onlyThisTestsCouriersAndDeliveries() {
        // Each test starts from nobody online and nothing being offered, so earlier tests' leftovers are not
        // offered to this test's couriers.
        jdbc.update("update courier set online = false");
        jdbc.update("update offer set status = 'WITHDRAWN' where status = 'OPEN'");
        // Assigned ones too: once their courier's silence timeout passes they would wait for a courier again.
        jdbc.update("update delivery set status = 'CANCELLED' where status in ('WAITING', 'OFFERED', 'ASSIGNED')");
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty()));
    }

    @Test
    void offers_the_nearer_courier_first_the_other_on_decline_and_follows_the_accepted_delivery_to_the_door()
            throws Exception {
        UUID near = goOnline(1.0);
        UUID far = goOnline(4.0);
        UUID orderId = UUID.randomUUID();
        Sent request = requestCourier(orderId);

        JsonNode offer = awaitOffer(near);
        String deliveryId = offer.get("deliveryId").asString();
        assertThat(offer.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(offer.get("restaurantName").asString()).isEqualTo("Saravana Bhavan");
        assertThat(offer.at("/pickup/lat").asDouble()).isEqualTo(RESTAURANT.lat());
        assertThat(offer.at("/dropoff/line1").asString()).isEqualTo("12 Residency Road");
        assertThat(Instant.parse(offer.get("expiresAt").asString()))
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(get("/couriers/me/offer", far).statusCode()).isEqualTo(404);

        assertThat(post("/deliveries/" + deliveryId + "/decline", near).statusCode())
                .isEqualTo(204);
        assertThat(awaitOffer(far).get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(get("/couriers/me/offer", near).statusCode()).isEqualTo(404);

        HttpResponse<String> accepted = post("/deliveries/" + deliveryId + "/accept", far);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("status").asString()).isEqualTo("ASSIGNED");
        ConsumerRecord<String, String> assigned = awaitEvent(orderId, "CourierAssigned");
        assertThat(JSON.readTree(assigned.value()).get("courierId").asString()).isEqualTo(far.toString());
        assertThat(JSON.readTree(assigned.value()).get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(header(assigned, MessageHeaders.CORRELATION_ID))
                .isEqualTo(request.correlationId().toString());
        assertThat(header(assigned, MessageHeaders.MESSAGE_ID)).isNotBlank();
        assertThat(header(assigned, MessageHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(assigned, MessageHeaders.TRACEPARENT))
                .startsWith(request.traceparent().substring(0, 35));
        assertThat(header(assigned, MessageHeaders.OCCURRED_AT)).isNotBlank();

        assertThat(post("/deliveries/" + deliveryId + "/accept", near).statusCode())
                .as("another courier's delivery")
                .isEqualTo(404);
        HttpResponse<String> deliverTooEarly = post("/deliveries/" + deliveryId + "/deliver", far);
        assertThat(deliverTooEarly.statusCode()).isEqualTo(409);
        assertThat(deliverTooEarly.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(deliverTooEarly.body()).get("currentState").asString())
                .isEqualTo("ASSIGNED");
        assertThat(JSON.readTree(deliverTooEarly.body()).get("detail").asString())
                .isEqualTo("Cannot deliver: the delivery is ASSIGNED");
        for (String language : List.of("hi", "ta")) {
            HttpResponse<String> translated = HTTP.send(
                    request("/deliveries/" + deliveryId + "/deliver", far)
                            .header("Accept-Language", language)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode problem = JSON.readTree(translated.body());
            assertThat(translated.statusCode()).isEqualTo(409);
            assertThat(translated.headers().firstValue("Content-Language")).hasValue(language);
            assertThat(problem.get("type").asString()).endsWith("/delivery-state-conflict");
            assertThat(problem.get("currentState").asString())
                    .as("machine-readable in every language")
                    .isEqualTo("ASSIGNED");
            assertThat(problem.get("title").asString()).isNotEqualTo("Not possible in this state");
            assertThat(problem.get("detail").asString()).doesNotContain("Cannot");
        }

        assertThat(post("/deliveries/" + deliveryId + "/pickup", far).statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(awaitEvent(orderId, "DeliveryPickedUp").value())
                        .get("courierId")
                        .asString())
                .isEqualTo(far.toString());

        assertThat(post("/deliveries/" + deliveryId + "/deliver", far).statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(awaitEvent(orderId, "DeliveryDelivered").value())
                        .get("deliveryId")
                        .asString())
                .isEqualTo(deliveryId);
        assertThat(post("/deliveries/" + deliveryId + "/pickup", far).statusCode())
                .isEqualTo(409);
    }

    @Test
    void an_offer_left_to_expire_moves_on_to_the_next_nearest_courier() throws Exception {
        UUID near = goOnline(0.5);
        UUID far = goOnline(2.0);
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        String deliveryId = awaitOffer(near).get("deliveryId").asString();

        // The test's offer timeout is 3 s.
        JsonNode moved = awaitOffer(far);

        assertThat(moved.get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(get("/couriers/me/offer", near).statusCode()).isEqualTo(404);
        assertThat(post("/deliveries/" + deliveryId + "/accept", near).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select status from offer where courier_id = ? and delivery_id = ?::uuid",
                        String.class,
                        near,
                        deliveryId))
                .isEqualTo("EXPIRED");
    }

    @Test
    void a_courier_who_goes_silent_after_accepting_loses_the_delivery_to_the_next_courier() throws Exception {
        UUID silent = goOnline(0.5);
        UUID orderId = UUID.randomUUID();
        String deliveryId = acceptedBy(silent, orderId);
        UUID next = goOnline(2.0);

        // The silent courier reports nothing more; the test's silence timeout is 5 s.
        JsonNode reoffered = awaitOffer(next);

        assertThat(reoffered.get("deliveryId").asString()).isEqualTo(deliveryId);
        JsonNode lost = JSON.readTree(awaitEvent(orderId, "CourierUnassigned").value());
        assertThat(lost.get("courierId").asString()).isEqualTo(silent.toString());
        assertThat(lost.get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(lost.get("reason").asString()).isEqualTo("COURIER_SILENT");
        HttpResponse<String> lateAction = post("/deliveries/" + deliveryId + "/pickup", silent);
        assertProblem(lateAction, 409, "delivery-taken-away", "the courier who lost it");
        assertThat(JSON.readTree(lateAction.body()).get("detail").asString()).contains(deliveryId);
        assertThat(jdbc.queryForObject("select online from courier where id = ?", Boolean.class, silent))
                .as("a dead phone is not offered the next delivery")
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select status from offer where courier_id = ? and delivery_id = ?::uuid",
                        String.class,
                        silent,
                        deliveryId))
                .isEqualTo("ABANDONED");

        assertThat(post("/deliveries/" + deliveryId + "/accept", next).statusCode())
                .isEqualTo(200);
        assertThat(post("/deliveries/" + deliveryId + "/pickup", next).statusCode())
                .isEqualTo(200);
        awaitEvent(orderId, "DeliveryPickedUp");
        List<String> replies = eventsOf(orderId).stream()
                .map(this::type)
                .filter(type -> !type.equals("DeliveryUpdated"))
                .toList();
        assertThat(replies)
                .as("in this order on the order's partition, as the saga reads them")
                .containsExactly("CourierAssigned", "CourierUnassigned", "CourierAssigned", "DeliveryPickedUp");
        assertThat(eventsOf(orderId).stream()
                        .filter(event -> type(event).equals("CourierAssigned"))
                        .map(event ->
                                JSON.readTree(event.value()).get("courierId").asString()))
                .containsExactly(silent.toString(), next.toString());
    }

    @Test
    void a_courier_who_keeps_reporting_keeps_the_delivery_past_the_silence_timeout() throws Exception {
        UUID courier = goOnline(0.5);
        UUID orderId = UUID.randomUUID();
        String deliveryId = acceptedBy(courier, orderId);
        String here = "{\"lat\":%s,\"lon\":%s}".formatted(RESTAURANT.lat(), RESTAURANT.lon());

        Instant pastTheTimeout = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(pastTheTimeout)) {
            assertThat(put("/couriers/me/location", courier, here).statusCode()).isEqualTo(200);
            Thread.sleep(1000);
        }

        assertThat(deliveryStatus(orderId)).hasValue("ASSIGNED");
        assertThat(post("/deliveries/" + deliveryId + "/pickup", courier).statusCode())
                .isEqualTo(200);
        assertThat(eventsOf(orderId)).extracting(this::type).doesNotContain("CourierUnassigned");
    }

    @Test
    void a_delivery_out_too_long_is_flagged_overdue_for_tracking_and_can_still_be_delivered() throws Exception {
        UUID courier = goOnline(0.5);
        UUID orderId = UUID.randomUUID();
        String deliveryId = acceptedBy(courier, orderId);
        assertThat(post("/deliveries/" + deliveryId + "/pickup", courier).statusCode())
                .isEqualTo(200);

        // The test's overdue-after is 5 s.
        await().atMost(WAIT).until(() -> eventsOf(orderId).stream()
                .filter(event -> type(event).equals("DeliveryUpdated"))
                .anyMatch(event ->
                        !JSON.readTree(event.value()).get("overdueSince").isNull()));

        JsonNode flagged = eventsOf(orderId).stream()
                .filter(event -> type(event).equals("DeliveryUpdated"))
                .map(event -> JSON.readTree(event.value()))
                .filter(update -> !update.get("overdueSince").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(flagged.get("status").asString()).isEqualTo("PICKED_UP");
        Instant pickedUpAt = jdbc.queryForObject(
                        "select picked_up_at from delivery where id = ?::uuid", OffsetDateTime.class, deliveryId)
                .toInstant();
        assertThat(Duration.between(
                        pickedUpAt, Instant.parse(flagged.get("overdueSince").asString())))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics).containsPattern("(?m)^delivery_overdue_flagged_total\\S* [1-9]");
        assertThat(metrics).containsPattern("(?m)^delivery_overdue_open\\S* [1-9]");

        assertThat(post("/deliveries/" + deliveryId + "/deliver", courier).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from delivery where status = 'PICKED_UP' and overdue_since is not null"
                                + " and id = ?::uuid",
                        Integer.class,
                        deliveryId))
                .as("no longer counted as overdue once delivered")
                .isZero();
    }

    @Test
    void a_courier_who_cannot_deliver_after_pickup_ends_the_delivery_failed_with_their_reason() throws Exception {
        UUID courier = goOnline(0.5);
        UUID orderId = UUID.randomUUID();
        String deliveryId = acceptedBy(courier, orderId);
        String cannotDeliver = "/deliveries/" + deliveryId + "/cannot-deliver";
        String unreachable = "{\"reason\":\"CUSTOMER_UNREACHABLE\",\"note\":\" Rang twice, nobody at the gate \"}";
        assertProblem(
                call("POST", cannotDeliver, TestTokens.courier(courier), unreachable),
                409,
                "delivery-state-conflict",
                "before pickup");
        post("/deliveries/" + deliveryId + "/pickup", courier);
        assertProblem(
                call("POST", cannotDeliver, TestTokens.courier(courier), "{\"reason\":\"BORED\"}"),
                400,
                "invalid-request",
                "an unknown reason");
        assertProblem(
                call("POST", cannotDeliver, TestTokens.courier(courier), "{}"), 400, "invalid-request", "no reason");
        assertThat(deliveryStatus(orderId)).as("bad input changed nothing").hasValue("PICKED_UP");

        HttpResponse<String> failed = call("POST", cannotDeliver, TestTokens.courier(courier), unreachable);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(JSON.readTree(failed.body()).get("status").asString()).isEqualTo("FAILED");
        JsonNode reply = JSON.readTree(awaitEvent(orderId, "DeliveryFailed").value());
        assertThat(reply.get("courierId").asString()).isEqualTo(courier.toString());
        assertThat(reply.get("reason").asString()).isEqualTo("CUSTOMER_UNREACHABLE");
        assertThat(reply.get("note").asString()).isEqualTo("Rang twice, nobody at the gate");
        assertProblem(post("/deliveries/" + deliveryId + "/deliver", courier), 409, "delivery-state-conflict");

        UUID nextOrder = UUID.randomUUID();
        requestCourier(nextOrder);
        assertThat(awaitOffer(courier).get("orderId").asString())
                .as("the courier is free for the next delivery")
                .isEqualTo(nextOrder.toString());
    }

    @Test
    void a_request_with_nobody_online_waits_and_is_offered_to_the_first_courier_who_comes_online() throws Exception {
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        await().atMost(WAIT).until(() -> deliveryStatus(orderId).isPresent());
        Thread.sleep(500); // a few sweeps find nobody
        assertThat(deliveryStatus(orderId)).hasValue("WAITING");

        UUID latecomer = goOnline(3.0);

        assertThat(awaitOffer(latecomer).get("orderId").asString()).isEqualTo(orderId.toString());
    }

    @Test
    void cancelling_withdraws_the_offer_and_answers_courier_request_cancelled() throws Exception {
        UUID courier = goOnline(1.0);
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        String deliveryId = awaitOffer(courier).get("deliveryId").asString();

        send(orderId, new CancelCourierRequest(orderId), UUID.randomUUID());

        awaitEvent(orderId, "CourierRequestCancelled");
        assertThat(deliveryStatus(orderId)).hasValue("CANCELLED");
        assertThat(get("/couriers/me/offer", courier).statusCode()).isEqualTo(404);
        assertThat(post("/deliveries/" + deliveryId + "/accept", courier).statusCode())
                .isEqualTo(404);
    }

    @Test
    void cancelling_after_pickup_is_refused_changes_nothing_and_answers_nothing() throws Exception {
        UUID courier = goOnline(1.0);
        UUID orderId = UUID.randomUUID();
        String deliveryId = acceptedBy(courier, orderId);
        post("/deliveries/" + deliveryId + "/pickup", courier);

        UUID cancel = send(orderId, new CancelCourierRequest(orderId), UUID.randomUUID())
                .messageId();

        await().atMost(WAIT).until(() -> processed(cancel));
        assertThat(deliveryStatus(orderId)).hasValue("PICKED_UP");
        awaitEvent(orderId, "DeliveryPickedUp");
        assertThat(eventsOf(orderId)).extracting(this::type).doesNotContain("CourierRequestCancelled");
    }

    @Test
    void the_same_request_courier_message_twice_creates_one_delivery() throws Exception {
        UUID courier = goOnline(1.0);
        UUID orderId = UUID.randomUUID();
        Sent first = requestCourier(orderId);

        UUID duplicate = send(orderId, first.message(), first.correlationId(), first.messageId(), first.traceparent())
                .messageId();
        UUID retry = send(orderId, first.message(), first.correlationId()).messageId();

        await().atMost(WAIT).until(() -> processed(duplicate) && processed(retry));
        assertThat(duplicate).isEqualTo(first.messageId());
        assertThat(jdbc.queryForObject("select count(*) from delivery where order_id = ?", Integer.class, orderId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from offer o join delivery d on d.id = o.delivery_id where d.order_id = ?",
                        Integer.class,
                        orderId))
                .isEqualTo(1);
        assertThat(awaitOffer(courier).get("orderId").asString()).isEqualTo(orderId.toString());
    }

    @Test
    void unprocessable_commands_go_to_the_dead_letter_topic_and_the_next_on_their_key_is_still_handled()
            throws Exception {
        UUID courier = goOnline(1.0);
        UUID orderId = UUID.randomUUID();
        String request = JSON.writeValueAsString(new RequestCourier(
                orderId,
                UUID.randomUUID(),
                "Saravana Bhavan",
                RESTAURANT,
                new DeliveryAddress("12 Residency Road", "Bengaluru", 12.9680, 77.6000)));

        // No messageId nor any other header but the type.
        ProducerRecord<String, String> malformed =
                new ProducerRecord<>(Topics.DELIVERIES_COMMANDS, orderId.toString(), request);
        malformed.headers().add(MessageHeaders.TYPE, "RequestCourier".getBytes(StandardCharsets.UTF_8));
        producer.send(malformed).get();
        send(orderId, "{}", "RescheduleCourier");
        send(orderId, "{not json", "RequestCourier");
        requestCourier(orderId);

        assertThat(awaitOffer(courier).get("orderId").asString()).isEqualTo(orderId.toString());
        List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(orderId, 3);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(request, "{}", "{not json");
        assertThat(deadLetters)
                .extracting(letter -> header(letter, DeadLetters.REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("missing header " + MessageHeaders.MESSAGE_ID),
                        reason -> assertThat(reason).contains("RescheduleCourier"),
                        reason -> assertThat(reason).contains("unreadable RequestCourier"));
        assertThat(deadLetters)
                .extracting(letter -> header(letter, "kafka_dlt-original-topic"))
                .containsOnly(Topics.DELIVERIES_COMMANDS);
        assertThat(jdbc.queryForObject("select count(*) from delivery where order_id = ?", Integer.class, orderId))
                .isEqualTo(1);
    }

    @Test
    void an_availability_report_off_the_globe_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> response =
                put("/couriers/me/availability", UUID.randomUUID(), "{\"online\":true,\"lat\":91,\"lon\":77.6}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("lat");
    }

    @Test
    void a_location_report_from_a_courier_never_seen_is_a_404_problem() throws Exception {
        HttpResponse<String> response = put("/couriers/me/location", UUID.randomUUID(), "{\"lat\":12.9,\"lon\":77.6}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    // --- who may call: the courier the token names, nobody else

    @Test
    void a_call_without_a_token_is_a_401_problem_with_a_bearer_challenge_and_changes_nothing() throws Exception {
        HeldOffer held = heldOffer();
        State before = state(held);

        for (HttpResponse<String> response : tryToInterfere(held, null)) {
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        }

        assertThat(state(held)).isEqualTo(before);
    }

    @Test
    void an_expired_a_forged_or_an_unsigned_token_is_a_401_invalid_token_problem_and_changes_nothing()
            throws Exception {
        HeldOffer held = heldOffer();
        State before = state(held);

        // Customer tokens naming the courier's id as subject, in case anything took the subject for the courier.
        Map<String, String> badTokens = Map.of(
                "expired", TestTokens.expiredCustomer(held.courier()),
                "forged", TestTokens.forgedCustomer(held.courier()),
                "alg=none", TestTokens.unsignedCustomer(held.courier()));
        for (Map.Entry<String, String> token : badTokens.entrySet()) {
            for (HttpResponse<String> response : tryToInterfere(held, token.getValue())) {
                assertProblem(response, 401, "invalid-token", token.getKey());
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .as(token.getKey())
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            }
        }

        assertThat(state(held)).isEqualTo(before);
    }

    @Test
    void a_customer_a_restaurant_or_an_admin_is_refused_403_on_courier_calls_and_changes_nothing() throws Exception {
        HeldOffer held = heldOffer();
        State before = state(held);

        Map<String, String> otherRoles = Map.of(
                "CUSTOMER", TestTokens.customer(held.courier()),
                "RESTAURANT", TestTokens.restaurant(held.courier()),
                "ADMIN", TestTokens.admin());
        for (Map.Entry<String, String> token : otherRoles.entrySet()) {
            for (HttpResponse<String> response : tryToInterfere(held, token.getValue())) {
                assertProblem(response, 403, "forbidden", token.getKey());
            }
        }

        assertThat(state(held)).isEqualTo(before);
    }

    @Test
    void a_courier_token_naming_no_courier_is_refused_403_and_changes_nothing() throws Exception {
        HeldOffer held = heldOffer();
        State before = state(held);
        String courierWithoutId =
                TestTokens.withClaims(Map.of("sub", held.courier().toString(), "roles", List.of("COURIER")));

        for (HttpResponse<String> response : tryToInterfere(held, courierWithoutId)) {
            assertProblem(response, 403, "role-required");
        }

        assertThat(state(held)).isEqualTo(before);
    }

    @Test
    void a_courier_answering_another_couriers_offer_gets_404_and_the_offered_courier_still_can() throws Exception {
        HeldOffer held = heldOffer();
        UUID rival = goOnline(5.0);
        State before = state(held);

        for (String action : List.of("accept", "decline", "pickup", "deliver")) {
            HttpResponse<String> response = post("/deliveries/" + held.deliveryId() + "/" + action, rival);
            assertProblem(response, 404, "delivery-not-found", action);
        }
        assertThat(state(held)).isEqualTo(before);

        HttpResponse<String> accepted = post("/deliveries/" + held.deliveryId() + "/accept", held.courier());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("courierId").asString())
                .isEqualTo(held.courier().toString());
        assertProblem(post("/deliveries/" + held.deliveryId() + "/pickup", rival), 404, "delivery-not-found");
    }

    @Test
    void health_is_open_without_a_token() throws Exception {
        HttpResponse<String> health = call("GET", "/actuator/health", null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void a_courier_tapping_accept_pickup_and_deliver_many_times_at_once_moves_the_delivery_once_and_gets_409s()
            throws Exception {
        HeldOffer held = heldOffer();
        UUID orderId = orderOf(held);
        String delivery = "/deliveries/" + held.deliveryId();

        for (String action : List.of("accept", "pickup", "deliver")) {
            List<Callable<HttpResponse<String>>> taps = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                taps.add(() -> post(delivery + "/" + action, held.courier()));
                // Position reports lock the delivery under way too, in the same order as the actions.
                taps.add(() -> put(
                        "/couriers/me/availability",
                        held.courier(),
                        "{\"online\":true,\"lat\":%s,\"lon\":%s}".formatted(RESTAURANT.lat(), RESTAURANT.lon())));
            }
            List<HttpResponse<String>> answers = AtOnce.call(RACING, taps);

            List<HttpResponse<String>> actions = answers.stream()
                    .filter(answer -> answer.request().method().equals("POST"))
                    .toList();
            assertThat(actions.stream().filter(answer -> answer.statusCode() == 200))
                    .as(action + ": one success")
                    .hasSize(1);
            for (HttpResponse<String> answer : actions) {
                if (answer.statusCode() != 200) {
                    assertProblem(answer, 409, "delivery-state-conflict", action);
                }
            }
            assertThat(answers.stream()
                            .filter(answer -> answer.request().method().equals("PUT")))
                    .allSatisfy(report -> assertThat(report.statusCode()).isEqualTo(200));
        }

        assertThat(deliveryStatus(orderId)).hasValue("DELIVERED");
        assertThat(jdbc.queryForList("select status from offer where delivery_id = ?", String.class, held.deliveryId()))
                .containsExactly("ACCEPTED");
        awaitEvent(orderId, "DeliveryDelivered");
        assertThat(eventsOf(orderId).stream().map(this::type).filter(type -> !type.equals("DeliveryUpdated")))
                .as("each reply to the order's saga exactly once")
                .containsExactly("CourierAssigned", "DeliveryPickedUp", "DeliveryDelivered");
    }

    @Test
    void accepting_while_the_order_cancels_the_courier_request_ends_cancelled_and_never_answers_500() throws Exception {
        for (int round = 0; round < 3; round++) {
            jdbc.update("update courier set online = false"); // the last round's courier is not offered this one
            HeldOffer held = heldOffer();
            UUID orderId = orderOf(held);
            List<Callable<HttpResponse<String>>> taps = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                taps.add(() -> post("/deliveries/" + held.deliveryId() + "/accept", held.courier()));
            }
            Future<Sent> cancel =
                    RACING.submit(() -> send(orderId, new CancelCourierRequest(orderId), UUID.randomUUID()));
            List<HttpResponse<String>> answers = AtOnce.call(RACING, taps);
            UUID cancelId = cancel.get(30, TimeUnit.SECONDS).messageId();

            List<Integer> statuses =
                    answers.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses.stream().filter(status -> status == 200).count())
                    .as("round %d: at most one accept wins %s", round, statuses)
                    .isLessThanOrEqualTo(1);
            assertThat(statuses)
                    .as("round %d: won, lost to another tap (409) or to the cancel (404, no longer offered)", round)
                    .allMatch(status -> status == 200 || status == 404 || status == 409);
            await().atMost(WAIT).until(() -> processed(cancelId));
            assertThat(deliveryStatus(orderId))
                    .as("cancelled, whether or not a courier took it first")
                    .hasValue("CANCELLED");
            awaitEvent(orderId, "CourierRequestCancelled");
            List<String> replies = eventsOf(orderId).stream()
                    .map(this::type)
                    .filter(type -> !type.equals("DeliveryUpdated"))
                    .toList();
            assertThat(replies)
                    .as("round " + round)
                    .isIn(List.of("CourierRequestCancelled"), List.of("CourierAssigned", "CourierRequestCancelled"));
            assertThat(replies.contains("CourierAssigned"))
                    .as("round %d: the courier was told yes exactly when the saga was", round)
                    .isEqualTo(statuses.contains(200));
        }
    }

    private UUID orderOf(HeldOffer held) {
        return jdbc.queryForObject("select order_id from delivery where id = ?", UUID.class, held.deliveryId());
    }

    /** A courier's offer that stays open for the whole test, whatever the test's 3 s offer timeout. */
    private record HeldOffer(UUID courier, UUID deliveryId) {}

    private HeldOffer heldOffer() throws Exception {
        UUID courier = goOnline(1.0);
        UUID orderId = UUID.randomUUID();
        requestCourier(orderId);
        UUID deliveryId = UUID.fromString(awaitOffer(courier).get("deliveryId").asString());
        assertThat(jdbc.update(
                        "update offer set expires_at = now() + interval '10 minutes'"
                                + " where delivery_id = ? and status = 'OPEN'",
                        deliveryId))
                .as("the offer was still open")
                .isEqualTo(1);
        return new HeldOffer(courier, deliveryId);
    }

    /**
     * What a caller without a courier's valid token tries: take the held offer, and report a courier offline somewhere
     * else (the offered one, or a new one: a first availability report creates the courier).
     */
    private List<HttpResponse<String>> tryToInterfere(HeldOffer held, String authorization) throws Exception {
        return List.of(
                call("PUT", "/couriers/me/availability", authorization, "{\"online\":false,\"lat\":13.5,\"lon\":78.1}"),
                call("POST", "/deliveries/" + held.deliveryId() + "/accept", authorization, null));
    }

    /**
     * Every courier, the held delivery (its sequence counts the DeliveryUpdated messages written with its changes)
     * and its offers.
     */
    private record State(
            List<Map<String, Object>> couriers, Map<String, Object> delivery, List<Map<String, Object>> offers) {}

    private State state(HeldOffer held) {
        return new State(
                jdbc.queryForList("select id, online, lat, lon, updated_at from courier order by id"),
                jdbc.queryForMap(
                        "select status, courier_id, sequence, updated_at from delivery where id = ?",
                        held.deliveryId()),
                jdbc.queryForList(
                        "select id, courier_id, status, expires_at, closed_at from offer where delivery_id = ? order by id",
                        held.deliveryId()));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String... what) {
        String call = response.request().method() + " " + response.uri().getPath()
                + (what.length > 0 ? " (" + what[0] + ")" : "");
        assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(call).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .as(call)
                .isEqualTo("https://fooddelivery.example/problems/" + type);
    }

    // --- couriers over HTTP

    /** A new courier online {@code km} north of the restaurant; its location is then updated to the same spot. */
    private UUID goOnline(double km) throws Exception {
        UUID courier = UUID.randomUUID();
        double lat = RESTAURANT.lat() + km / 111.195;
        HttpResponse<String> online = put(
                "/couriers/me/availability",
                courier,
                "{\"online\":true,\"lat\":%s,\"lon\":%s}".formatted(lat, RESTAURANT.lon()));
        assertThat(online.statusCode()).isEqualTo(200);
        HttpResponse<String> moved =
                put("/couriers/me/location", courier, "{\"lat\":%s,\"lon\":%s}".formatted(lat, RESTAURANT.lon()));
        assertThat(moved.statusCode()).isEqualTo(200);
        return courier;
    }

    /** Requests a courier for the order, waits for {@code courier}'s offer and accepts it; the delivery's id. */
    private String acceptedBy(UUID courier, UUID orderId) throws Exception {
        requestCourier(orderId);
        String deliveryId = awaitOffer(courier).get("deliveryId").asString();
        assertThat(post("/deliveries/" + deliveryId + "/accept", courier).statusCode())
                .isEqualTo(200);
        return deliveryId;
    }

    private JsonNode awaitOffer(UUID courier) throws Exception {
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get("/couriers/me/offer", courier);
            return last[0].statusCode() == 200;
        });
        return JSON.readTree(last[0].body());
    }

    private HttpResponse<String> get(String path, UUID courier) throws Exception {
        return HTTP.send(request(path, courier).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, UUID courier) throws Exception {
        return HTTP.send(
                request(path, courier).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, UUID courier, String json) throws Exception {
        return HTTP.send(
                request(path, courier)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, UUID courier) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.courier(courier));
    }

    /** Any call, with {@code authorization} as the Authorization header (none if null) and a JSON body (if any). */
    private HttpResponse<String> call(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(
                request.method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- messages over Kafka

    private record Sent(UUID messageId, UUID correlationId, String traceparent, Object message) {}

    private Sent requestCourier(UUID orderId) throws Exception {
        RequestCourier request = new RequestCourier(
                orderId,
                UUID.randomUUID(),
                "Saravana Bhavan",
                RESTAURANT,
                new DeliveryAddress("12 Residency Road", "Bengaluru", 12.9680, 77.6000));
        return send(orderId, request, UUID.randomUUID());
    }

    private Sent send(UUID orderId, Object message, UUID correlationId) throws Exception {
        return send(
                orderId,
                message,
                correlationId,
                UUID.randomUUID(),
                "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01");
    }

    /** Publishes as the order-service saga would: keyed by orderId, with every header of MessageHeaders. */
    private Sent send(UUID orderId, Object message, UUID correlationId, UUID messageId, String traceparent)
            throws Exception {
        MessageCatalog.Entry entry = MessageCatalog.of(message.getClass());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(entry.topic(), orderId.toString(), JSON.writeValueAsString(message));
        Map.of(
                        MessageHeaders.MESSAGE_ID, messageId.toString(),
                        MessageHeaders.TYPE, entry.type(),
                        MessageHeaders.SCHEMA_VERSION, Integer.toString(entry.schemaVersion()),
                        MessageHeaders.CORRELATION_ID, correlationId.toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TRACEPARENT, traceparent,
                        MessageHeaders.OCCURRED_AT, Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
        return new Sent(messageId, correlationId, traceparent, message);
    }

    /** A raw value with every header, as the saga would publish it, of any type. */
    private void send(UUID orderId, String value, String type) throws Exception {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.DELIVERIES_COMMANDS, orderId.toString(), value);
        Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, type,
                        MessageHeaders.SCHEMA_VERSION, "1",
                        MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.CAUSATION_ID, UUID.randomUUID().toString(),
                        MessageHeaders.OCCURRED_AT, Instant.now().toString())
                .forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    /** This order's dead letters, in the order they were parked; the topic holds other runs' too. */
    private static List<ConsumerRecord<String, String>> awaitDeadLetters(UUID orderId, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "delivery-it-dead-letters-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DeadLetters.topicFor(Topics.DELIVERIES_COMMANDS)));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .records(DeadLetters.topicFor(Topics.DELIVERIES_COMMANDS))
                        .forEach(record -> {
                            if (orderId.toString().equals(record.key())) {
                                found.add(record);
                            }
                        });
                return found.size() >= count;
            });
        }
        return found;
    }

    private ConsumerRecord<String, String> awaitEvent(UUID orderId, String type) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsOf(orderId).stream().anyMatch(event -> type.equals(type(event))));
        return eventsOf(orderId).stream()
                .filter(event -> type.equals(type(event)))
                .findFirst()
                .orElseThrow();
    }

    /** This test's events only: the topic is shared with every other run and service. */
    private static synchronized List<ConsumerRecord<String, String>> eventsOf(UUID orderId) {
        eventConsumer.poll(Duration.ofMillis(200)).forEach(EVENTS::add);
        return EVENTS.stream()
                .filter(event -> orderId.toString().equals(event.key()))
                .toList();
    }

    private String type(ConsumerRecord<String, String> record) {
        return header(record, MessageHeaders.TYPE);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private boolean processed(UUID messageId) {
        return jdbc.queryForObject("select count(*) from inbox where message_id = ?", Integer.class, messageId) == 1;
    }

    private Optional<String> deliveryStatus(UUID orderId) {
        return jdbc.queryForList("select status from delivery where order_id = ?", String.class, orderId).stream()
                .findFirst();
    }
}
