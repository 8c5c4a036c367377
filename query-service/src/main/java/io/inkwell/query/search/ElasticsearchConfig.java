package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inkwell.support.observability.ObservabilityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfig {

    /**
     * Every call has a deadline: an Elasticsearch that accepts connections but does not answer (overloaded,
     * paused, half dead) would otherwise hold search requests, health checks and the search projection for
     * long. A call past its deadline fails like an unreachable node: search answers 503, health says search
     * is degraded, and the projection's batch is retried.
     */
    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${inkwell.elasticsearch.uri}") String uri,
                                            @Value("${inkwell.elasticsearch.timeout:5s}") Duration timeout,
                                            ElasticsearchCalls calls) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Rest5Client rest = Rest5Client.builder(URI.create(uri))
                .setConnectionConfigCallback(connection -> connection.setSocketTimeout(Timeout.of(timeout)))
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(timeout))
                        .setResponseTimeout(Timeout.of(timeout)))
                .build();
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper(json), null, calls));
    }

    @Bean
    ElasticsearchCalls elasticsearchCalls(ObjectProvider<MeterRegistry> meters, ObjectProvider<Tracer> tracer,
                                          ObservabilityProperties observability) {
        return new ElasticsearchCalls(meters.getIfAvailable(SimpleMeterRegistry::new),
                tracer.getIfAvailable(() -> Tracer.NOOP), observability.slowElasticsearch());
    }
}
