package com.fooddelivery.query.shared.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch client, built here because Spring Boot 4.1.1's Elasticsearch auto-configuration module is not
 * published. Documents are (de)serialized with the service's Jackson 3 mapper, like everything else it reads.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${spring.elasticsearch.uris}") String url, JsonMapper json) {
        return ElasticsearchClient.of(config -> config.host(url).jsonMapper(new Jackson3JsonpMapper(json)));
    }
}
