package com.fooddelivery.messaging.consumer;

import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import java.time.Duration;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler of every listener, record or batch, built from spring-kafka's {@link DefaultErrorHandler}:
 *
 * <table>
 *   <caption>What each {@link Failure} gets</caption>
 *   <tr><th>failure</th><th>retries</th><th>then</th></tr>
 *   <tr><td>{@link Failure#UNREADABLE}</td><td>none</td><td>dead-letter topic</td></tr>
 *   <tr><td>{@link Failure#TRANSIENT}</td><td>exponential backoff, without end</td><td>never given up</td></tr>
 *   <tr><td>{@link Failure#PERMANENT}</td><td>a few, at a fixed interval</td><td>failure reply if someone waits,
 *       else dead-letter topic</td></tr>
 * </table>
 *
 * <p>A batch listener reports a record that can never be handled with spring-kafka's
 * {@code BatchListenerFailedException}: the records before it are committed, it is recovered as above, the rest are
 * redelivered. A batch that fails as a whole (Elasticsearch unreachable) is retried with the transient backoff.
 */
public final class ConsumerErrorHandler {

    private ConsumerErrorHandler() {}

    public static DefaultErrorHandler create(
            FailureClassifier classifier,
            ConsumerAwareRecordRecoverer recoverer,
            Duration initialInterval,
            double multiplier,
            Duration maxInterval,
            Duration permanentInterval,
            int permanentRetries) {
        ExponentialBackOff transientBackOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
        transientBackOff.setMaxInterval(maxInterval.toMillis());
        // maxAttempts and maxElapsedTime stay unlimited: an outage, however long, never makes a consumer skip a
        // message.
        BackOff permanentBackOff = new FixedBackOff(permanentInterval.toMillis(), permanentRetries);
        BackOff noRetries = new FixedBackOff(0, 0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, transientBackOff);
        handler.addNotRetryableExceptions(MalformedMessageException.class, UnknownMessageTypeException.class);
        handler.setBackOffFunction((record, exception) -> switch (classifier.classify(exception)) {
            case UNREADABLE -> noRetries;
            case PERMANENT -> permanentBackOff;
            case TRANSIENT -> transientBackOff;
        });
        return handler;
    }
}
