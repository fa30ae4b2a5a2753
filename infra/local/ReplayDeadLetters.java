import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts dead letters back on the topic they came from, once the cause is fixed: same key, value and message headers
 * (so every consumer that handled the message before skips it by its messageId), without the dead-letter headers.
 * Progress is the consumer group's committed offset on the dead-letter topic: a second run replays only what was
 * dead-lettered since. A run replays what was on the dead-letter topic when it started, never what is dead-lettered
 * while it runs (a message that still fails would otherwise go round for ever). Run by infra/local/replay-dead-letters (see docs/runbook.md, "Dead letters").
 *
 * <p>Arguments: bootstrap servers, dead-letter topic, then options: {@code --dry-run} (list, replay nothing, commit
 * nothing), {@code --key K} (only records with that key; the others are skipped, and count as done: rerun with
 * another {@code --group} to replay them later),
 * {@code --group G} (progress group, default {@code dead-letter-replay}).
 */
public class ReplayDeadLetters {

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final String REASON_HEADER = "deadLetterReason";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReplayDeadLetters <bootstrap> <topic>.DLT [--dry-run] [--key K] [--group G]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String deadLetterTopic = args[1];
        boolean dryRun = false;
        String key = null;
        String group = "dead-letter-replay";
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--key" -> key = args[++i];
                case "--group" -> group = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!deadLetterTopic.endsWith(".DLT")) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (<topic>.DLT)");
        }

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int replayed = 0;
        int skipped = 0;
        // A message two consumer groups could not read (an unknown type on a shared topic) was dead-lettered by each:
        // it goes back once.
        Set<String> replayedMessageIds = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Only what was dead-lettered before this run: a message that fails again while it runs is dead-lettered
            // again, and must not be replayed in a loop.
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(partition -> new TopicPartition(deadLetterTopic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata progress = committed.get(partition);
                if (progress == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, progress.offset());
                }
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                var records = consumer.poll(Duration.ofSeconds(2));
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> letter : records) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() >= ends.get(partition)) {
                        continue; // dead-lettered during this run: the next run replays it
                    }
                    String letterKey = letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8);
                    done.put(partition, new OffsetAndMetadata(letter.offset() + 1));
                    String messageId = header(letter, "messageId");
                    if ((key != null && !key.equals(letterKey))
                            || (messageId != null && !replayedMessageIds.add(messageId))) {
                        skipped++;
                        continue;
                    }
                    String target = header(letter, DLT_HEADER_PREFIX + "original-topic");
                    if (target == null) {
                        target = deadLetterTopic.substring(0, deadLetterTopic.length() - ".DLT".length());
                    }
                    System.out.printf(
                            "%s %s-%d@%d -> %s key=%s type=%s messageId=%s reason=%s%n",
                            dryRun ? "would replay" : "replaying",
                            letter.topic(),
                            letter.partition(),
                            letter.offset(),
                            target,
                            letterKey,
                            header(letter, "type"),
                            messageId,
                            header(letter, REASON_HEADER));
                    if (!dryRun) {
                        ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(target, letter.key(), letter.value());
                        for (Header header : letter.headers()) {
                            if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals(REASON_HEADER)) {
                                replay.headers().add(header);
                            }
                        }
                        sent.add(producer.send(replay));
                    }
                    replayed++;
                }
                if (!dryRun) {
                    for (Future<RecordMetadata> acknowledgement : sent) {
                        acknowledgement.get(); // committed only once Kafka has every replayed record
                    }
                    consumer.commitSync(done);
                }
            }
        }
        System.out.printf(
                "%s %d dead letter(s) from %s, skipped %d (other keys, or a message already replayed)%n",
                dryRun ? "Would replay" : "Replayed",
                replayed,
                deadLetterTopic,
                skipped);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
