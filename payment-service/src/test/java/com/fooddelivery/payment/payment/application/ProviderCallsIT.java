package com.fooddelivery.payment.payment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.RefundPayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.payment.payment.domain.AuthorizationRequest;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.PaymentProvider;
import com.fooddelivery.payment.payment.domain.ProviderResult;
import com.fooddelivery.payment.payment.domain.ProviderUnavailableException;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider calls outside the command's transaction, on real PostgreSQL and Kafka, with the provider made to fail on
 * purpose ({@link Outage} sits in front of the simulated provider): no row lock is held while the provider thinks, a
 * call without an answer is retried later with the same key (so a lost answer charges once), a capture never
 * confirmed is answered PaymentCaptureFailed, a call left by a stopped instance is made once its lease runs out, and
 * one payment never has two calls in flight.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "payment.calls.backoff=200ms",
            "payment.calls.max-backoff=500ms",
            "payment.calls.capture-attempts=6",
            "payment.calls.lease=3s",
            "payment.calls.sweep-interval=200ms",
            "resilience4j.retry.instances.paymentProvider.max-attempts=1",
            "resilience4j.circuitbreaker.instances.paymentProvider.wait-duration-in-open-state=200ms"
        })
class ProviderCallsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Money TOTAL = new Money(49_800, "INR");
    private static final Map<String, List<ConsumerRecord<String, String>>> REPLIES = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;
    private static KafkaConsumer<String, String> replies;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Outage outage;

    @TestConfiguration
    static class ProviderWithOutages {

        @Bean
        Outage outage() {
            return new Outage();
        }

        @Bean
        static BeanPostProcessor providerBehindOutage(org.springframework.beans.factory.ObjectProvider<Outage> outage) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof PaymentProvider provider) {
                        return outage.getObject().around(provider);
                    }
                    return bean;
                }
            };
        }
    }

    @BeforeAll
    static void connect() {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer());
        replies = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "provider-calls-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
        replies.subscribe(List.of(Topics.PAYMENTS_EVENTS));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        replies.close();
    }

    @Autowired
    void awaitPartitions(KafkaListenerEndpointRegistry listeners) {
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    @AfterEach
    void providerUp() {
        outage.set(Outage.Mode.UP);
    }

    @Test
    void the_provider_is_called_with_no_transaction_open_so_the_payment_row_stays_free() throws Exception {
        UUID order = authorized();
        outage.set(Outage.Mode.HOLD);

        send(order, new CapturePayment(order, TOTAL));

        assertThat(outage.awaitHeld()).as("the capture reached the provider").isTrue();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // Fails at once with "could not obtain lock" if anyone held the row during the call.
            statement.execute("select 1 from payment where order_id = '" + order + "' for update nowait");
            connection.rollback();
        }
        outage.set(Outage.Mode.UP);
        assertThat(types(awaitReplies(order, 2))).containsExactly("PaymentAuthorized", "PaymentCaptured");
    }

    @Test
    void a_capture_during_an_outage_waits_for_the_provider_and_is_captured_once() throws Exception {
        UUID order = authorized();
        outage.set(Outage.Mode.DOWN);

        send(order, new CapturePayment(order, TOTAL));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> attempts(order, "CAPTURE") >= 2);
        outage.set(Outage.Mode.UP);
        assertThat(types(awaitReplies(order, 2))).containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(ledger(order)).containsExactly("AUTHORIZE", "CAPTURE");
        assertThat(callState(order, "CAPTURE")).isEqualTo("DONE");
    }

    @Test
    void an_answer_lost_after_the_provider_captured_is_reconciled_by_the_key_and_charges_once() throws Exception {
        UUID order = authorized();
        outage.set(Outage.Mode.LOSE_NEXT_ANSWER);

        send(order, new CapturePayment(order, TOTAL));

        assertThat(types(awaitReplies(order, 2))).containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(attempts(order, "CAPTURE"))
                .as("asked again after the lost answer")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from simulated_provider_operation where idempotency_key = ?",
                        Integer.class,
                        IdempotencyKey.of(order, com.fooddelivery.payment.payment.domain.ProviderOperation.CAPTURE)
                                .value()))
                .as("performed once, remembered in PostgreSQL")
                .isEqualTo(1);
        assertThat(ledger(order)).containsExactly("AUTHORIZE", "CAPTURE");
    }

    @Test
    void a_capture_never_confirmed_is_answered_capture_failed_and_a_repeated_capture_tries_again() throws Exception {
        UUID order = authorized();
        outage.set(Outage.Mode.DOWN);

        send(order, new CapturePayment(order, TOTAL));

        ConsumerRecord<String, String> failed = awaitReplies(order, 2).get(1);
        assertThat(header(failed, MessageHeaders.TYPE)).isEqualTo("PaymentCaptureFailed");
        assertThat(JSON.readTree(failed.value()).get("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(callState(order, "CAPTURE")).isEqualTo("FAILED");
        assertThat(status(order))
                .as("the authorization stays for a person to capture")
                .isEqualTo("AUTHORIZED");

        outage.set(Outage.Mode.UP);
        send(order, new CapturePayment(order, TOTAL));

        assertThat(types(awaitReplies(order, 3)))
                .containsExactly("PaymentAuthorized", "PaymentCaptureFailed", "PaymentCaptured");
        assertThat(ledger(order)).containsExactly("AUTHORIZE", "CAPTURE");
    }

    @Test
    void a_call_left_by_a_stopped_instance_is_made_once_its_lease_runs_out() throws Exception {
        UUID order = authorized();
        // As an instance leaves it that died between claiming the call and recording its outcome.
        jdbc.update(
                """
                insert into provider_call (order_id, operation, idempotency_key, amount_minor, currency, state,
                    attempts, next_attempt_at, claimed_until, correlation_id, causation_id, traceparent, created_at,
                    updated_at)
                values (?, 'CAPTURE', ?, 49800, 'INR', 'PENDING', 0, now(), now() + interval '2 seconds', ?, ?, ?,
                    now(), now())""", order, order + ":CAPTURE", UUID.randomUUID(), UUID.randomUUID(), MessageContext.newTraceparent());
        Instant left = Instant.now();

        ConsumerRecord<String, String> captured = awaitReplies(order, 2).get(1);

        assertThat(header(captured, MessageHeaders.TYPE)).isEqualTo("PaymentCaptured");
        assertThat(Duration.between(left, Instant.now()))
                .as("not before the dead instance's lease ran out")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(ledger(order)).containsExactly("AUTHORIZE", "CAPTURE");
    }

    @Test
    void one_payment_never_has_two_provider_calls_in_flight() throws Exception {
        UUID order = UUID.randomUUID();
        outage.set(Outage.Mode.SLOW);

        send(order, new AuthorizePayment(order, UUID.randomUUID(), TOTAL, PaymentMethod.CARD));
        send(order, new com.fooddelivery.contracts.payment.VoidPayment(order));

        assertThat(types(awaitReplies(order, 2))).containsExactly("PaymentAuthorized", "PaymentVoided");
        assertThat(outage.mostInFlightForOneOrder()).isEqualTo(1);
        assertThat(ledger(order)).containsExactly("AUTHORIZE", "VOID");
    }

    @Test
    void a_refund_is_paid_once_however_often_it_is_asked_for() throws Exception {
        UUID order = authorized();
        send(order, new CapturePayment(order, TOTAL));
        awaitReplies(order, 2);
        UUID refundId = UUID.randomUUID();
        RefundPayment refund = new RefundPayment(order, refundId, new Money(12_000, "INR"));

        send(order, refund);
        send(order, refund);

        List<ConsumerRecord<String, String>> answers = awaitReplies(order, 4);
        assertThat(types(answers)).endsWith("PaymentRefunded", "PaymentRefunded");
        assertThat(JSON.readTree(answers.get(3).value()).get("refundId").asString())
                .isEqualTo(refundId.toString());
        assertThat(ledger(order)).containsExactly("AUTHORIZE", "CAPTURE", "REFUND");
        assertThat(jdbc.queryForObject("select refunded_minor from payment where order_id = ?", Long.class, order))
                .isEqualTo(12_000);
    }

    private UUID authorized() throws Exception {
        UUID order = UUID.randomUUID();
        send(order, new AuthorizePayment(order, UUID.randomUUID(), TOTAL, PaymentMethod.CARD));
        assertThat(types(awaitReplies(order, 1))).containsExactly("PaymentAuthorized");
        return order;
    }

    private static void send(UUID order, Object command) throws Exception {
        String type = command.getClass().getSimpleName();
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.PAYMENTS_COMMANDS, order.toString(), JSON.writeValueAsString(command));
        UUID conversation = UUID.randomUUID();
        Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, type,
                        MessageHeaders.SCHEMA_VERSION, "1",
                        MessageHeaders.CORRELATION_ID, conversation.toString(),
                        MessageHeaders.CAUSATION_ID, conversation.toString(),
                        MessageHeaders.TRACEPARENT, MessageContext.newTraceparent(),
                        MessageHeaders.OCCURRED_AT, Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    /** At least {@code count} answers for the order, then a moment more so that extra ones show. */
    private static List<ConsumerRecord<String, String>> awaitReplies(UUID order, int count) {
        await().atMost(WAIT).until(() -> {
            poll();
            return REPLIES.getOrDefault(order.toString(), List.of()).size() >= count;
        });
        long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < settle) {
            poll();
        }
        return List.copyOf(REPLIES.get(order.toString()));
    }

    private static void poll() {
        for (ConsumerRecord<String, String> record : replies.poll(Duration.ofMillis(200))) {
            if (record.key() != null) {
                REPLIES.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record);
            }
        }
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record -> header(record, MessageHeaders.TYPE))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<String> ledger(UUID order) {
        return jdbc.queryForList(
                "select operation from payment_ledger where order_id = ? order by id", String.class, order);
    }

    private int attempts(UUID order, String operation) {
        return jdbc.queryForObject(
                "select coalesce(max(attempts), 0) from provider_call where order_id = ? and operation = ?",
                Integer.class,
                order,
                operation);
    }

    private String callState(UUID order, String operation) {
        return jdbc.queryForObject(
                "select state from provider_call where order_id = ? and operation = ?", String.class, order, operation);
    }

    private String status(UUID order) {
        return jdbc.queryForObject("select status from payment where order_id = ?", String.class, order);
    }

    /** Stands in front of the provider and fails, holds or slows its calls on the test's command. */
    static final class Outage {

        enum Mode {
            UP,
            DOWN,
            LOSE_NEXT_ANSWER,
            HOLD,
            SLOW
        }

        private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
        private final AtomicReference<CountDownLatch> held = new AtomicReference<>(new CountDownLatch(1));
        private final Map<String, AtomicInteger> inFlightByOrder = new ConcurrentHashMap<>();
        private final AtomicInteger mostInFlight = new AtomicInteger();

        void set(Mode next) {
            if (next == Mode.HOLD) {
                held.set(new CountDownLatch(1));
            }
            mode.set(next);
        }

        boolean awaitHeld() throws InterruptedException {
            return held.get().await(30, TimeUnit.SECONDS);
        }

        int mostInFlightForOneOrder() {
            return mostInFlight.get();
        }

        PaymentProvider around(PaymentProvider provider) {
            return new PaymentProvider() {
                @Override
                public ProviderResult authorize(AuthorizationRequest request, IdempotencyKey key) {
                    return through(key, () -> provider.authorize(request, key));
                }

                @Override
                public void capture(
                        String authorizationId,
                        com.fooddelivery.payment.payment.domain.Money amount,
                        IdempotencyKey key) {
                    through(key, () -> {
                        provider.capture(authorizationId, amount, key);
                        return null;
                    });
                }

                @Override
                public void voidAuthorization(String authorizationId, IdempotencyKey key) {
                    through(key, () -> {
                        provider.voidAuthorization(authorizationId, key);
                        return null;
                    });
                }

                @Override
                public void refund(
                        String authorizationId,
                        com.fooddelivery.payment.payment.domain.Money amount,
                        IdempotencyKey key) {
                    through(key, () -> {
                        provider.refund(authorizationId, amount, key);
                        return null;
                    });
                }
            };
        }

        private <T> T through(IdempotencyKey key, java.util.function.Supplier<T> call) {
            String order = key.value().substring(0, 36);
            AtomicInteger inFlight = inFlightByOrder.computeIfAbsent(order, o -> new AtomicInteger());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                switch (mode.get()) {
                    case DOWN -> throw new ProviderUnavailableException("test outage");
                    case HOLD -> {
                        held.get().countDown();
                        await().atMost(WAIT).until(() -> mode.get() != Mode.HOLD);
                    }
                    case SLOW -> sleep(Duration.ofMillis(300));
                    case LOSE_NEXT_ANSWER -> {
                        T result = call.get();
                        mode.set(Mode.UP);
                        throw new ProviderUnavailableException("test: answer lost after performing " + result);
                    }
                    case UP -> {
                        // through
                    }
                }
                return call.get();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
