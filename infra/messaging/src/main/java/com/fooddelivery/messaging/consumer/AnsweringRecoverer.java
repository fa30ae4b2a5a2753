package com.fooddelivery.messaging.consumer;

import com.fooddelivery.messaging.deadletter.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;

/**
 * What happens to a record once its retries are over: a command that failed for good and that someone waits for is
 * answered with the service's {@link FailureReplies}; every other record goes to its dead-letter topic.
 */
final class AnsweringRecoverer implements ConsumerAwareRecordRecoverer {

    static final String FAILURE_REPLIES = "messaging.failure.replies";
    /** Short enough for the reason field of every failure reply in the contracts. */
    static final int MAX_REASON_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(AnsweringRecoverer.class);

    private final FailureClassifier classifier;
    private final MessageReader reader;
    private final Optional<FailureReplies> replies;
    private final Optional<ReplyOutbox> outbox;
    private final ConsumerAwareRecordRecoverer deadLetters;
    private final MeterRegistry meters;

    AnsweringRecoverer(
            FailureClassifier classifier,
            MessageReader reader,
            Optional<FailureReplies> replies,
            Optional<ReplyOutbox> outbox,
            ConsumerAwareRecordRecoverer deadLetters,
            MeterRegistry meters) {
        this.classifier = classifier;
        this.reader = reader;
        this.replies = replies;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        if (classifier.classify(exception) == Failure.PERMANENT && replies.isPresent() && outbox.isPresent()) {
            String reason = abbreviate(DeadLetters.reason(exception));
            Optional<ReadMessage> command = reader.readAny((ConsumerRecord<String, String>) record);
            Optional<Object> reply = command.flatMap(read -> replies.get().replyTo(read.payload(), reason));
            if (reply.isPresent()) {
                outbox.get().send(command.get().envelope(), reply.get());
                Counter.builder(FAILURE_REPLIES)
                        .description("Commands that failed for good and were answered with a failure reply")
                        .tag("topic", record.topic())
                        .tag("type", command.get().envelope().type())
                        .register(meters)
                        .increment();
                log.warn(
                        "Answered {} {} at {}-{}@{} with {} after it failed for good: {}",
                        command.get().envelope().type(),
                        command.get().envelope().messageId(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        reply.get().getClass().getSimpleName(),
                        reason);
                return;
            }
        }
        deadLetters.accept(record, consumer, exception);
    }

    private static String abbreviate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
