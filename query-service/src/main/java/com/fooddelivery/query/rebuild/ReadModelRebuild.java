package com.fooddelivery.query.rebuild;

import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import com.fooddelivery.query.shared.projection.Projection;
import com.fooddelivery.query.shared.projection.Projector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every index from its topic while the old indices keep serving reads and live updates. For each index: live
 * changes start going into a new index as well; the topic is replayed from the beginning into it up to the end
 * offsets taken then, which makes it complete (an event the live projection handled before has a lower offset); the
 * alias moves to it in one atomic step, so readers never see an order go back. A second pass up to fresh end offsets
 * brings in what other instances' live projections wrote only into the old index; then the old index is deleted.
 * Versions make every repeat harmless. If a step fails before the alias moved, the new index is dropped; after, the
 * old one is kept.
 */
@Component
public class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final List<Projection> projections;
    private final IndexAdmin indices;
    private final Projector projector;
    private final Map<String, Object> consumerConfig;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private final AtomicReference<RebuildReport> last = new AtomicReference<>();

    ReadModelRebuild(List<Projection> projections, IndexAdmin indices, Projector projector, KafkaProperties kafka) {
        this.projections = projections;
        this.indices = indices;
        this.projector = projector;
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // Reads partitions directly from the beginning: no group, nothing committed, the live projection untouched.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumerConfig = Map.copyOf(config);
    }

    /** Starts a rebuild in the background; empty if one is already running. */
    public synchronized Optional<RebuildReport> start() {
        RebuildReport current = last.get();
        if (current != null && current.state() == RebuildReport.State.RUNNING) {
            return Optional.empty();
        }
        RebuildReport started = new RebuildReport(RebuildReport.State.RUNNING, clock.instant(), null, List.of(), null);
        last.set(started);
        runner.execute(() -> run(started.startedAt()));
        return Optional.of(started);
    }

    public Optional<RebuildReport> lastReport() {
        return Optional.ofNullable(last.get());
    }

    private void run(Instant startedAt) {
        List<RebuildReport.IndexReport> done = new ArrayList<>();
        try {
            for (Projection projection : projections) {
                done.add(rebuild(projection));
                last.set(new RebuildReport(RebuildReport.State.RUNNING, startedAt, null, List.copyOf(done), null));
            }
            last.set(new RebuildReport(
                    RebuildReport.State.COMPLETED, startedAt, clock.instant(), List.copyOf(done), null));
        } catch (RuntimeException e) {
            log.error("Read model rebuild failed; every alias points at a complete index (see the report)", e);
            last.set(new RebuildReport(
                    RebuildReport.State.FAILED, startedAt, clock.instant(), List.copyOf(done), e.toString()));
        }
    }

    private RebuildReport.IndexReport rebuild(Projection projection) {
        long started = System.nanoTime();
        String index = indices.createIndex(projection.index());
        projector.alsoProjectInto(projection.index(), index);
        boolean moved = false;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(projection.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Counts counts = new Counts();
            // Complete once this reaches offsets taken after live changes started going into the new index too.
            replay(consumer, projection, index, consumer.endOffsets(partitions), counts);
            Set<String> previous = indices.moveAlias(projection.index(), index);
            moved = true;
            projector.stopAlsoProjecting(projection.index());
            // What other instances' live projections wrote only into the old index.
            replay(consumer, projection, index, consumer.endOffsets(partitions), counts);
            indices.delete(previous);
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("Rebuilt {} from {}: {} events in {} ms", index, projection.topic(), counts.events, millis);
            return new RebuildReport.IndexReport(
                    indices.alias(projection.index()), index, counts.events, counts.unprojectable, millis);
        } catch (RuntimeException e) {
            projector.stopAlsoProjecting(projection.index());
            if (!moved) {
                indices.delete(List.of(index)); // the alias still points at the complete old index
            }
            throw e;
        }
    }

    /** Projects every record until the consumer's position reaches {@code end} on every partition. */
    private static void replay(
            KafkaConsumer<String, String> consumer,
            Projection projection,
            String index,
            Map<TopicPartition, Long> end,
            Counts counts) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, String> polled = consumer.poll(POLL);
            if (polled.isEmpty()) {
                continue;
            }
            List<ConsumerRecord<String, String>> batch = new ArrayList<>(polled.count());
            polled.forEach(batch::add);
            counts.events += batch.size();
            counts.unprojectable += projection.project(batch, index).size();
        }
    }

    private static final class Counts {
        long events;
        long unprojectable;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
