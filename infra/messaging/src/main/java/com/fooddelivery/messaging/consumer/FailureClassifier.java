package com.fooddelivery.messaging.consumer;

import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Decides what a listener's exception means, by looking at its whole cause chain:
 *
 * <ul>
 *   <li>{@link Failure#UNREADABLE}: a {@link MalformedMessageException} or {@link UnknownMessageTypeException}, which
 *       only {@link MessageReader} throws. A Jackson exception is not one: it may come from the service's own state
 *       while handling a perfectly good message.
 *   <li>{@link Failure#TRANSIENT}: the database, Kafka or Elasticsearch is unreachable or pushed back — Spring's
 *       transient and resource-failure data access exceptions, JDBC's transient and recoverable exceptions, a
 *       PostgreSQL SQLState of a lost connection (08), a rolled-back transaction (40: serialization failure,
 *       deadlock), insufficient resources (53), operator intervention or statement timeout (57), a system error (58)
 *       or a lock not available (55P03); Kafka's retriable exceptions; I/O errors and timeouts; and the service's own
 *       {@link TransientExceptions}.
 *   <li>{@link Failure#PERMANENT}: anything else.
 * </ul>
 *
 * <p>Spring's data access and transaction classes are matched by name, because query-service reads Kafka without
 * having JDBC on its classpath.
 */
public final class FailureClassifier {

    private static final List<String> TRANSIENT_CLASS_NAMES = List.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "org.apache.kafka.common.errors.RetriableException",
            "java.io.IOException",
            "java.io.UncheckedIOException",
            "java.util.concurrent.TimeoutException");
    /** Jackson 2's exceptions are IOExceptions (Axon serializes with it), yet unreadable data is no I/O failure. */
    private static final String JACKSON_2_EXCEPTION = "com.fasterxml.jackson.core.JacksonException";

    private static final List<String> TRANSIENT_SQL_STATE_CLASSES = List.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final List<Class<? extends Throwable>> alsoTransient;

    public FailureClassifier(TransientExceptions alsoTransient) {
        this.alsoTransient = alsoTransient.types();
    }

    public Failure classify(Throwable failure) {
        List<Throwable> chain = causes(failure);
        if (chain.stream()
                .anyMatch(cause ->
                        cause instanceof MalformedMessageException || cause instanceof UnknownMessageTypeException)) {
            return Failure.UNREADABLE;
        }
        return chain.stream().anyMatch(this::isTransient) ? Failure.TRANSIENT : Failure.PERMANENT;
    }

    private boolean isTransient(Throwable cause) {
        if (alsoTransient.stream().anyMatch(type -> type.isInstance(cause))) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.equals(LOCK_NOT_AVAILABLE)
                    || (state.length() == 5 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
        }
        boolean transientType = false;
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(JACKSON_2_EXCEPTION)) {
                return false;
            }
            transientType |= TRANSIENT_CLASS_NAMES.contains(type.getName());
        }
        return transientType;
    }

    /** The failure and its causes, each once (a cause chain may loop). */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
