package io.inkwell.query;

import io.inkwell.testing.ElasticsearchTestInfrastructure;
import io.inkwell.testing.InkwellTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * query-service on real PostgreSQL, Elasticsearch, Keycloak and Redis (its caches). Every integration test uses
 * this one annotation, so they all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Tests that swap generations by hand or call the roll-out themselves must not meet the service's own
// periodic look for outdated read models halfway.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inkwell.projections.rebuild.adopt-every=1h")
@AutoConfigureMockMvc
@Import(RecordedSpans.class)
@ContextConfiguration(initializers = {InkwellTestInfrastructure.class, ElasticsearchTestInfrastructure.class,
        EventStoreSchema.class, TestRedisCache.class})
public @interface QueryServiceContext {
}
