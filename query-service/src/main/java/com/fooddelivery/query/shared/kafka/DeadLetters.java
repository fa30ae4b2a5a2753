package com.fooddelivery.query.shared.kafka;

import com.fooddelivery.query.shared.projection.Projection;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Parks a message that can never be projected on {@code <topic>.DLT} with the reason, so it does not block its
 * partition. Counted in {@code projection.dead.letters}; an operator replays the topic after a fix.
 */
@Component
public class DeadLetters {

    public static final String REASON_HEADER = "deadLetterReason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, String> kafka;
    private final MeterRegistry meters;

    DeadLetters(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    public void parkAll(List<Projection.Rejected> rejected) {
        rejected.forEach(letter -> park(letter.record(), letter.reason()));
    }

    /** Returns once the dead letter is stored, so the original's offset may be committed. */
    public void park(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> letter =
                new ProducerRecord<>(record.topic() + ".DLT", record.key(), record.value());
        record.headers().forEach(header -> letter.headers().add(header));
        letter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers()
                .add(
                        "deadLetterSource",
                        "%s-%d@%d"
                                .formatted(record.topic(), record.partition(), record.offset())
                                .getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not park a dead letter", e);
        }
        meters.counter("projection.dead.letters", "topic", record.topic()).increment();
        log.warn(
                "Parked {}-{}@{} on {}.DLT: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                record.topic(),
                reason);
    }
}
