package com.fooddelivery.messaging.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The dead-letter topic of every integration topic, {@code <topic>.DLT}: where a consumer parks a record it can never
 * handle, so the record does not block its partition. Which records come here is decided by
 * {@link com.fooddelivery.messaging.consumer.ConsumerErrorHandler}.
 *
 * <p>A dead letter keeps the original key, value and headers, and gets spring-kafka's {@code kafka_dlt-original-*}
 * and {@code kafka_dlt-exception-*} headers plus {@value #REASON_HEADER}. Each is counted in
 * {@value #COUNTER}{@code {topic}}, tagged with the original topic.
 */
public final class DeadLetters {

    public static final String SUFFIX = ".DLT";
    public static final String REASON_HEADER = "deadLetterReason";
    public static final String COUNTER = "messaging.dead.letters";

    private DeadLetters() {}

    /** The dead-letter topic for records of {@code topic}. */
    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /**
     * Publishes a record to {@code <topic>.DLT} through {@code kafka} (String keys and values), then counts and logs
     * it. {@link com.fooddelivery.messaging.consumer.ConsumerErrorHandler} decides which records come here.
     */
    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
        return new CountingRecoverer(kafka, meters);
    }

    /** What went wrong, for the reason header: the first exception under the listener container's wrappers. */
    public static String reason(Exception exception) {
        Throwable cause = exception;
        while (cause instanceof KafkaException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + message;
    }

    /** Publishes to {@code <topic>.DLT}, and counts and logs each dead letter once it is stored. */
    private static final class CountingRecoverer extends DeadLetterPublishingRecoverer {

        private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

        private final MeterRegistry meters;

        CountingRecoverer(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
            // Partition -1: the producer picks it from the key, whatever the dead-letter topic's partition count.
            super(kafka, (record, e) -> new TopicPartition(topicFor(record.topic()), -1));
            this.meters = meters;
            addHeadersFunction((record, e) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8))
            }));
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
            super.accept(record, consumer, exception);
            Counter.builder(COUNTER)
                    .description("Records sent to their topic's dead-letter topic")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
            log.warn(
                    "Dead-lettered {}-{}@{} to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    topicFor(record.topic()),
                    reason(exception));
        }
    }
}
