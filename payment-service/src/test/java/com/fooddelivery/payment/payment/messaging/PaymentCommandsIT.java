package com.fooddelivery.payment.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.RefundPayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.deadletter.DeadLetters;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * payments.commands → payment-service → payments.events, on real PostgreSQL and Kafka. Every test uses orders of
 * its own and reads only the replies keyed by them.
 */
@ServiceIntegrationTest
class PaymentCommandsIT {

    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Money ORDER_TOTAL = new Money(49_800, "INR");
    private static final Money CARD_AMOUNT_WITH_INSUFFICIENT_FUNDS = new Money(49_851, "INR");

    private static KafkaProducer<String, String> producer;
    private static KafkaConsumer<String, String> events;
    private static KafkaConsumer<String, String> deadLetters;
    private static final Map<String, List<ConsumerRecord<String, String>>> EVENTS_BY_ORDER = new ConcurrentHashMap<>();
    private static final Map<String, List<ConsumerRecord<String, String>>> DEAD_LETTERS_BY_ORDER =
            new ConcurrentHashMap<>();

    @BeforeAll
    static void connect() {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer());
        events = consumer(bootstrap, Topics.PAYMENTS_EVENTS);
        deadLetters = consumer(bootstrap, DeadLetters.topicFor(Topics.PAYMENTS_COMMANDS));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        events.close();
        deadLetters.close();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        await().atMost(REPLY_WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    @Test
    void an_authorization_is_answered_payment_authorized() throws Exception {
        UUID order = UUID.randomUUID();

        String commandId = send(order, authorize(order, ORDER_TOTAL, PaymentMethod.UPI));

        ConsumerRecord<String, String> reply = awaitReplies(order, 1).getFirst();
        assertThat(header(reply, MessageHeaders.TYPE)).isEqualTo("PaymentAuthorized");
        assertThat(header(reply, MessageHeaders.CAUSATION_ID)).isEqualTo(commandId);
        assertThat(header(reply, MessageHeaders.SCHEMA_VERSION)).isEqualTo("1");
        JsonNode authorized = JSON.readTree(reply.value());
        assertThat(authorized.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(authorized.at("/amount/amountMinor").asLong()).isEqualTo(ORDER_TOTAL.amountMinor());
        assertThat(authorized.get("authorizationId").asString()).startsWith("sim_auth_");
        assertThat(ledger(order)).containsExactly("AUTHORIZE approved");
    }

    @Test
    void a_declining_amount_is_answered_payment_declined_with_its_code() throws Exception {
        UUID order = UUID.randomUUID();

        send(order, authorize(order, CARD_AMOUNT_WITH_INSUFFICIENT_FUNDS, PaymentMethod.CARD));

        ConsumerRecord<String, String> reply = awaitReplies(order, 1).getFirst();
        assertThat(header(reply, MessageHeaders.TYPE)).isEqualTo("PaymentDeclined");
        assertThat(JSON.readTree(reply.value()).get("declineCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(ledger(order)).containsExactly("AUTHORIZE declined");
    }

    @Test
    void the_same_message_twice_is_handled_once() throws Exception {
        UUID order = UUID.randomUUID();
        Headers headers = Headers.newMessage("AuthorizePayment");
        String authorize = JSON.writeValueAsString(authorize(order, ORDER_TOTAL, PaymentMethod.CARD));

        send(order, authorize, headers);
        send(order, authorize, headers);
        // Same partition, so once this is answered both copies have been consumed.
        send(order, new CapturePayment(order, ORDER_TOTAL));

        List<ConsumerRecord<String, String>> replies = awaitReplies(order, 2);
        assertThat(replies)
                .extracting(reply -> header(reply, MessageHeaders.TYPE))
                .containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(ledger(order)).containsExactly("AUTHORIZE approved", "CAPTURE approved");
    }

    @Test
    void a_repeated_authorization_is_answered_again_without_a_second_provider_call() throws Exception {
        UUID order = UUID.randomUUID();

        send(order, authorize(order, ORDER_TOTAL, PaymentMethod.WALLET));
        send(order, authorize(order, ORDER_TOTAL, PaymentMethod.WALLET));

        List<ConsumerRecord<String, String>> replies = awaitReplies(order, 2);
        assertThat(replies)
                .extracting(reply -> header(reply, MessageHeaders.TYPE))
                .containsExactly("PaymentAuthorized", "PaymentAuthorized");
        assertThat(replies)
                .extracting(ConsumerRecord::value)
                .containsOnly(replies.getFirst().value());
        assertThat(ledger(order)).containsExactly("AUTHORIZE approved");
    }

    @Test
    void an_authorized_payment_is_captured() throws Exception {
        UUID order = UUID.randomUUID();

        send(order, authorize(order, ORDER_TOTAL, PaymentMethod.CARD));
        send(order, new CapturePayment(order, ORDER_TOTAL));

        List<ConsumerRecord<String, String>> replies = awaitReplies(order, 2);
        assertThat(header(replies.get(1), MessageHeaders.TYPE)).isEqualTo("PaymentCaptured");
        assertThat(JSON.readTree(replies.get(1).value())
                        .at("/amount/amountMinor")
                        .asLong())
                .isEqualTo(ORDER_TOTAL.amountMinor());
        assertThat(ledger(order)).containsExactly("AUTHORIZE approved", "CAPTURE approved");
        assertThat(status(order)).isEqualTo("CAPTURED");
    }

    @Test
    void an_authorized_payment_is_voided() throws Exception {
        UUID order = UUID.randomUUID();

        send(order, authorize(order, ORDER_TOTAL, PaymentMethod.UPI));
        send(order, new VoidPayment(order));

        List<ConsumerRecord<String, String>> replies = awaitReplies(order, 2);
        assertThat(header(replies.get(1), MessageHeaders.TYPE)).isEqualTo("PaymentVoided");
        assertThat(ledger(order)).containsExactly("AUTHORIZE approved", "VOID approved");
        assertThat(status(order)).isEqualTo("VOIDED");
    }

    @Test
    void an_authorization_arriving_after_the_void_is_declined_order_voided() throws Exception {
        UUID order = UUID.randomUUID();

        send(order, new VoidPayment(order));
        send(order, authorize(order, ORDER_TOTAL, PaymentMethod.CARD));

        List<ConsumerRecord<String, String>> replies = awaitReplies(order, 2);
        assertThat(replies)
                .extracting(reply -> header(reply, MessageHeaders.TYPE))
                .containsExactly("PaymentVoided", "PaymentDeclined");
        assertThat(JSON.readTree(replies.get(1).value()).get("declineCode").asString())
                .isEqualTo("ORDER_VOIDED");
        assertThat(ledger(order)).isEmpty();
    }

    @Test
    void a_capture_that_cannot_happen_is_answered_capture_failed_so_the_order_is_not_left_waiting() throws Exception {
        UUID order = UUID.randomUUID();

        send(order, new CapturePayment(order, ORDER_TOTAL));

        ConsumerRecord<String, String> reply = awaitReplies(order, 1).getFirst();
        assertThat(header(reply, MessageHeaders.TYPE)).isEqualTo("PaymentCaptureFailed");
        assertThat(JSON.readTree(reply.value()).get("code").asString()).isEqualTo("NOT_AUTHORIZED");
        assertThat(ledger(order)).isEmpty();
    }

    @Test
    void refunds_beyond_what_was_captured_are_answered_refund_failed_and_give_nothing_back() throws Exception {
        UUID order = UUID.randomUUID();
        send(order, authorize(order, ORDER_TOTAL, PaymentMethod.CARD));
        send(order, new CapturePayment(order, ORDER_TOTAL));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        send(order, new RefundPayment(order, first, new Money(40_000, "INR")));
        send(order, new RefundPayment(order, second, new Money(9_801, "INR")));

        List<ConsumerRecord<String, String>> replies = awaitReplies(order, 4);
        assertThat(replies)
                .extracting(reply -> header(reply, MessageHeaders.TYPE))
                .containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentRefunded", "PaymentRefundFailed");
        assertThat(JSON.readTree(replies.get(3).value()).get("code").asString()).isEqualTo("REFUND_EXCEEDS_CAPTURE");
        assertThat(JSON.readTree(replies.get(3).value()).get("refundId").asString())
                .isEqualTo(second.toString());
        assertThat(ledger(order)).containsExactly("AUTHORIZE approved", "CAPTURE approved", "REFUND approved");
    }

    @Test
    void a_malformed_message_is_dead_lettered_and_the_next_on_its_key_is_still_handled() throws Exception {
        UUID order = UUID.randomUUID();
        String authorize = JSON.writeValueAsString(authorize(order, ORDER_TOTAL, PaymentMethod.CARD));

        sendRaw(order, authorize, Map.of(MessageHeaders.TYPE, "AuthorizePayment")); // no messageId, no other header
        send(order, "{not json", Headers.newMessage("AuthorizePayment"));
        send(order, "{}", Headers.newMessage("RefundPayment"));
        send(order, authorize, Headers.newMessage("AuthorizePayment"));

        assertThat(header(awaitReplies(order, 1).getFirst(), MessageHeaders.TYPE))
                .isEqualTo("PaymentAuthorized");
        List<ConsumerRecord<String, String>> deadLettered = awaitDeadLetters(order, 3);
        assertThat(deadLettered).extracting(ConsumerRecord::value).containsExactly(authorize, "{not json", "{}");
        assertThat(deadLettered)
                .extracting(letter -> header(letter, DeadLetters.REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("missing header"),
                        reason -> assertThat(reason).contains("unreadable AuthorizePayment"),
                        reason -> assertThat(reason).contains("RefundPayment"));
    }

    @Test
    void an_authorization_that_keeps_failing_is_declined_payment_failed_once_and_never_dead_lettered()
            throws Exception {
        UUID broken = UUID.randomUUID();
        // The service's own row for the order cannot be read back (a blank currency): every attempt fails the same way.
        jdbc.update(
                "insert into payment (order_id, status, amount_minor, currency, created_at, updated_at)"
                        + " values (?, 'AUTHORIZED', 100, ' ', now(), now())",
                broken);
        Headers command = Headers.newMessage("AuthorizePayment");
        String authorize = JSON.writeValueAsString(authorize(broken, ORDER_TOTAL, PaymentMethod.UPI));

        send(broken, authorize, command);
        send(broken, authorize, command); // redelivered: already answered, not answered again

        ConsumerRecord<String, String> reply = awaitReplies(broken, 1).getFirst();
        assertThat(header(reply, MessageHeaders.TYPE)).isEqualTo("PaymentDeclined");
        assertThat(header(reply, MessageHeaders.CAUSATION_ID))
                .isEqualTo(command.values().get(MessageHeaders.MESSAGE_ID));
        assertThat(JSON.readTree(reply.value()).get("declineCode").asString()).isEqualTo("PAYMENT_FAILED");
        assertThat(JSON.readTree(reply.value()).get("reason").asString()).contains("currency");
        assertThat(deadLettersAfterAMoment(broken)).isEmpty();
        UUID next = UUID.randomUUID();
        send(next, authorize(next, ORDER_TOTAL, PaymentMethod.UPI));
        assertThat(header(awaitReplies(next, 1).getFirst(), MessageHeaders.TYPE))
                .isEqualTo("PaymentAuthorized");
    }

    private static AuthorizePayment authorize(UUID order, Money amount, PaymentMethod method) {
        return new AuthorizePayment(order, UUID.randomUUID(), amount, method);
    }

    /** Publishes a command the way the outbox relay does; returns its messageId. */
    private static String send(UUID order, Object command) throws Exception {
        Headers headers = Headers.newMessage(command.getClass().getSimpleName());
        send(order, JSON.writeValueAsString(command), headers);
        return headers.values().get(MessageHeaders.MESSAGE_ID);
    }

    private static void send(UUID order, String value, Headers headers) throws Exception {
        sendRaw(order, value, headers.values());
    }

    private static void sendRaw(UUID order, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, order.toString(), value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private record Headers(Map<String, String> values) {

        static Headers newMessage(String type) {
            UUID messageId = UUID.randomUUID();
            UUID conversation = UUID.randomUUID();
            Map<String, String> values = new LinkedHashMap<>();
            values.put(MessageHeaders.MESSAGE_ID, messageId.toString());
            values.put(MessageHeaders.TYPE, type);
            values.put(MessageHeaders.SCHEMA_VERSION, "1");
            values.put(MessageHeaders.CORRELATION_ID, conversation.toString());
            values.put(MessageHeaders.CAUSATION_ID, conversation.toString());
            values.put(MessageHeaders.TRACEPARENT, MessageContext.newTraceparent());
            values.put(MessageHeaders.OCCURRED_AT, Instant.now().toString());
            return new Headers(values);
        }
    }

    /** Waits for at least {@code count} replies for the order, then for a moment more, so extra replies show. */
    private static List<ConsumerRecord<String, String>> awaitReplies(UUID order, int count) {
        return awaitRecords(events, EVENTS_BY_ORDER, order, count);
    }

    private static List<ConsumerRecord<String, String>> awaitDeadLetters(UUID order, int count) {
        return awaitRecords(deadLetters, DEAD_LETTERS_BY_ORDER, order, count);
    }

    private static List<ConsumerRecord<String, String>> deadLettersAfterAMoment(UUID order) {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            poll(deadLetters, DEAD_LETTERS_BY_ORDER);
        }
        return DEAD_LETTERS_BY_ORDER.getOrDefault(order.toString(), List.of());
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(
            KafkaConsumer<String, String> consumer,
            Map<String, List<ConsumerRecord<String, String>>> byOrder,
            UUID order,
            int count) {
        await().atMost(REPLY_WAIT).until(() -> {
            poll(consumer, byOrder);
            return byOrder.getOrDefault(order.toString(), List.of()).size() >= count;
        });
        long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < settle) {
            poll(consumer, byOrder);
        }
        List<ConsumerRecord<String, String>> records = byOrder.get(order.toString());
        assertThat(records).hasSize(count);
        return records;
    }

    private static void poll(
            KafkaConsumer<String, String> consumer, Map<String, List<ConsumerRecord<String, String>>> byOrder) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.key() != null) {
                byOrder.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "payment-it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private List<String> ledger(UUID order) {
        return jdbc.queryForList(
                "select operation || case when approved then ' approved' else ' declined' end"
                        + " from payment_ledger where order_id = ? order by id",
                String.class,
                order);
    }

    private String status(UUID order) {
        return jdbc.queryForObject("select status from payment where order_id = ?", String.class, order);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
