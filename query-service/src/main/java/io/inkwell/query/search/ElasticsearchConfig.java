package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfig {

    /**
     * Every call has a deadline: an Elasticsearch that accepts connections but does not answer (overloaded,
     * paused, half dead) would otherwise hold search requests, health checks and the search projection for
     * ever. A call past its deadline fails like an unreachable node: search answers 503, the batch retries.
     */
    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${inkwell.elasticsearch.uri}") String uri,
                                            @Value("${inkwell.elasticsearch.timeout:10s}") Duration timeout) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return ElasticsearchClient.of(client -> client.host(uri).jsonMapper(new JacksonJsonpMapper(json))
                .transportOptions(deadline(timeout)));
    }

    /** Options that wait at most this long for a pooled connection and for the answer. */
    static TransportOptions deadline(Duration timeout) {
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .build();
        return new Rest5ClientOptions.Builder(RequestOptions.DEFAULT.toBuilder().setRequestConfig(config)).build();
    }
}
