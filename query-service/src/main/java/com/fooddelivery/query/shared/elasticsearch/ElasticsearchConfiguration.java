package com.fooddelivery.query.shared.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch client, built here because Spring Boot 4.1.1's Elasticsearch auto-configuration module is not
 * published. Documents are (de)serialized with the service's Jackson 3 mapper, like everything else it reads.
 *
 * <p>Its connection pool is where the service meets Elasticsearch's capacity: at most {@code
 * query.elasticsearch.max-connections} calls at once, and a call that cannot get a connection within {@code
 * query.elasticsearch.connection-wait} fails instead of queueing ({@link ReadModelProblems} answers it 503). Without
 * that bound, requests beyond what Elasticsearch answers piled up in the pool's queue, each holding its request's
 * buffers, until the heap ran out.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(
            @Value("${spring.elasticsearch.uris}") String url,
            @Value("${query.elasticsearch.max-connections}") int maxConnections,
            @Value("${query.elasticsearch.connection-wait}") Duration connectionWait,
            JsonMapper json) {
        Rest5Client rest = Rest5Client.builder(URI.create(url))
                .setConnectionManagerCallback(
                        pool -> pool.setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections))
                .setRequestConfigCallback(request -> request.setConnectionRequestTimeout(Timeout.of(connectionWait)))
                .build();
        return new ElasticsearchClient(
                new TimeoutsAsIOExceptions(new Rest5ClientTransport(rest, new Jackson3JsonpMapper(json))));
    }

    /**
     * Rest5Client reports a connection it could not lease in time as a bare {@code RuntimeException} around a
     * {@link TimeoutException}; every caller here treats an {@link IOException} as "Elasticsearch could not answer"
     * (a read answers 503, a projection retries), so that is what it becomes.
     */
    private record TimeoutsAsIOExceptions(ElasticsearchTransport transport) implements ElasticsearchTransport {

        @Override
        public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options)
                throws IOException {
            try {
                return transport.performRequest(request, endpoint, options);
            } catch (RuntimeException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof TimeoutException) {
                        throw new IOException("Elasticsearch: no free connection in time", e);
                    }
                }
                throw e;
            }
        }

        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return transport.performRequestAsync(request, endpoint, options);
        }

        @Override
        public JsonpMapper jsonpMapper() {
            return transport.jsonpMapper();
        }

        @Override
        public TransportOptions options() {
            return transport.options();
        }

        @Override
        public void close() throws IOException {
            transport.close();
        }
    }
}
