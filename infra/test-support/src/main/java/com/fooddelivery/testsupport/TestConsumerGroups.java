package com.fooddelivery.testsupport;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer groups for services under test on the shared Kafka. Services read a new group's topics from the beginning
 * ({@code earliest}, as in production); a test that must not handle earlier runs' messages gives its service a group
 * whose offsets are committed at the topics' current ends before the service starts. Unlike {@code latest}, nothing
 * published after this call is skipped, however late the service's consumer joins.
 */
public final class TestConsumerGroups {

    private TestConsumerGroups() {}

    /** Makes {@code group}, a group that does not exist yet, start at the current end of {@code topics}; returns it. */
    public static String startingNow(String group, String... topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            Set<String> present =
                    Arrays.stream(topics).filter(existing::contains).collect(Collectors.toSet());
            if (present.isEmpty()) {
                return group; // nothing was published yet: the beginning is now
            }
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(present).allTopicNames().get().values().stream()
                    .flatMap(TestConsumerGroups::partitions)
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listOffsets(ends).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            end -> new OffsetAndMetadata(end.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
            return group;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not start consumer group " + group + " at the end of its topics", e);
        }
    }

    private static java.util.stream.Stream<TopicPartition> partitions(TopicDescription topic) {
        return topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition()));
    }
}
