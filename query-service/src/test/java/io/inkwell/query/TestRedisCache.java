package io.inkwell.query;

import io.inkwell.testing.TestRedis;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The read model caches in the test JVM's real Redis: the configuration of several instances, the harder one
 * to keep right, so that every integration test reads through it.
 */
public class TestRedisCache implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("inkwell-test-redis-cache",
                Map.of("inkwell.cache.redis-uri", TestRedis.get().uri())));
    }
}
