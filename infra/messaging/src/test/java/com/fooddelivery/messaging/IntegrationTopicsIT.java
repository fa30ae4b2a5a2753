package com.fooddelivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.Topics;
import com.fooddelivery.messaging.relaytest.RelayTestApplication;
import com.fooddelivery.testsupport.Infrastructure;
import com.fooddelivery.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A service declares the integration topics with the retention the read model's rebuild relies on. */
class IntegrationTopicsIT {

    @Test
    void entity_topics_keep_every_entity_for_good_also_when_they_existed_before() throws Exception {
        try (TestDatabase database = Infrastructure.get().newDatabase("topics");
                Admin admin = Admin.create(
                        Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()))) {
            Map<String, Object> properties = new HashMap<>(database.springProperties());
            properties.put("messaging.relay.enabled", "false");
            properties.put("relay-test.topic", "topics-it-" + UUID.randomUUID());
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(RelayTestApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(properties)
                    .run()) {
                Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                                topic(Topics.ORDERS_EVENTS),
                                topic(Topics.RESTAURANTS_EVENTS),
                                topic(Topics.DELIVERIES_EVENTS),
                                topic(Topics.PAYMENTS_COMMANDS)))
                        .all()
                        .get();

                for (String compacted : List.of(Topics.ORDERS_EVENTS, Topics.RESTAURANTS_EVENTS)) {
                    Config config = configs.get(topic(compacted));
                    assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                            .as(compacted)
                            .isEqualTo("compact");
                    assertThat(config.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG)
                                    .value())
                            .isEqualTo("604800000");
                }
                assertThat(configs.get(topic(Topics.DELIVERIES_EVENTS))
                                .get(TopicConfig.RETENTION_MS_CONFIG)
                                .value())
                        .isEqualTo("-1");
                assertThat(configs.get(topic(Topics.PAYMENTS_COMMANDS))
                                .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                                .value())
                        .isEqualTo("delete");
            }
        }
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
