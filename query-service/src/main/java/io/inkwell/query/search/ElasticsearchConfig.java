package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${inkwell.elasticsearch.uri}") String uri) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return ElasticsearchClient.of(client -> client.host(uri).jsonMapper(new JacksonJsonpMapper(json)));
    }
}
