package io.inkwell.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Adds the test JVM's real Elasticsearch to a context, for the services that search. */
public class ElasticsearchTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("inkwell-test-elasticsearch",
                Map.of("INKWELL_ELASTICSEARCH_URI", TestElasticsearch.get().uri())));
    }
}
