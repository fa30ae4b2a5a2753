package com.fooddelivery.query.shared.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Every read goes to Elasticsearch: the service is down when the cluster cannot serve its indices (red). */
@Component
class ElasticsearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            HealthResponse cluster = client.cluster().health(request -> request.timeout(t -> t.time("2s")));
            Health.Builder health = cluster.status() == HealthStatus.Red ? Health.down() : Health.up();
            return health.withDetail("cluster", cluster.clusterName())
                    .withDetail("status", cluster.status().jsonValue())
                    .build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}
