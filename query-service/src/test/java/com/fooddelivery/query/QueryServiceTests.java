package com.fooddelivery.query;

import com.fooddelivery.contracts.MessageCatalog;
import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.KafkaProbe;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** What query-service's integration tests share: publishing events as the services do, and cleaning up indices. */
public final class QueryServiceTests {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final HttpClient HTTP = HttpClient.newHttpClient();

    private QueryServiceTests() {}

    /** Publishes {@code event} on its catalog topic with the headers every producer sets. */
    public static void publish(String key, Object event) throws Exception {
        MessageCatalog.Entry entry = MessageCatalog.of(event.getClass());
        KafkaProbe.publish(
                entry.topic(),
                key,
                JSON.writeValueAsString(event),
                Map.of(
                        MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString(),
                        MessageHeaders.TYPE, entry.type(),
                        MessageHeaders.SCHEMA_VERSION, Integer.toString(entry.schemaVersion()),
                        MessageHeaders.OCCURRED_AT, Instant.now().toString()));
    }

    /** Deletes every index whose name starts with {@code prefix} (a test run's own). */
    public static void deleteIndices(String prefix) {
        Infrastructure.get().deleteIndices(prefix);
    }
}
