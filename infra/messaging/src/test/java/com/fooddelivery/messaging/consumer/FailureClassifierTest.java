package com.fooddelivery.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class FailureClassifierTest {

    private static final FailureClassifier CLASSIFIER =
            new FailureClassifier(TransientExceptions.of(ProviderDown.class));

    static final class ProviderDown extends RuntimeException {}

    @Test
    void a_message_the_reader_refused_is_unreadable_under_the_containers_wrapper() {
        assertThat(CLASSIFIER.classify(listenerFailed(new UnknownMessageTypeException("RefundPayment", "t"))))
                .isEqualTo(Failure.UNREADABLE);
    }

    @Test
    void a_lost_connection_a_lock_timeout_and_a_serialization_failure_of_postgresql_are_transient() {
        assertThat(CLASSIFIER.classify(listenerFailed(new CannotGetJdbcConnectionException("no connection"))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(CLASSIFIER.classify(listenerFailed(new RuntimeException(new SQLException("terminated", "57P01")))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(CLASSIFIER.classify(new CannotAcquireLockException("lock timeout", new SQLException("x", "55P03"))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(CLASSIFIER.classify(new RuntimeException(new SQLException("could not serialize", "40001"))))
                .isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void kafka_and_elasticsearch_unavailable_and_the_services_own_transient_exceptions_are_transient() {
        assertThat(CLASSIFIER.classify(new RuntimeException(new NotLeaderOrFollowerException("moved"))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(CLASSIFIER.classify(new UncheckedIOException(new ConnectException("Connection refused"))))
                .isEqualTo(Failure.TRANSIENT);
        assertThat(CLASSIFIER.classify(listenerFailed(new ProviderDown()))).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void a_jackson_exception_and_a_constraint_violation_while_handling_a_read_message_are_permanent() {
        JacksonException ownState;
        try {
            JsonMapper.builder().build().readTree("{\"stored\": ");
            throw new AssertionError("expected a Jackson exception");
        } catch (JacksonException e) {
            ownState = e;
        }
        assertThat(CLASSIFIER.classify(listenerFailed(ownState))).isEqualTo(Failure.PERMANENT);
        assertThat(CLASSIFIER.classify(new IllegalStateException(
                        "cannot deserialize a stored event",
                        new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected end-of-input"))))
                .as("Jackson 2 (Axon's serializer): an IOException, yet no I/O failure")
                .isEqualTo(Failure.PERMANENT);
        assertThat(CLASSIFIER.classify(
                        new DataIntegrityViolationException("duplicate key", new SQLException("x", "23505"))))
                .isEqualTo(Failure.PERMANENT);
        assertThat(CLASSIFIER.classify(new IllegalStateException("no such state")))
                .isEqualTo(Failure.PERMANENT);
    }

    private static ListenerExecutionFailedException listenerFailed(Throwable cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }
}
