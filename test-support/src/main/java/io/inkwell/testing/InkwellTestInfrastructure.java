package io.inkwell.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the test JVM's real PostgreSQL and Keycloak through the same variables that
 * the local stack and docker-compose set, so that tests exercise the production configuration.
 */
public class InkwellTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        TestKeycloak keycloak = TestKeycloak.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("inkwell-test-infrastructure",
                Map.of("INKWELL_DB_URL", database.jdbcUrl(),
                        "INKWELL_DB_USER", database.username(),
                        "INKWELL_DB_PASSWORD", database.password(),
                        "INKWELL_ISSUER_URI", keycloak.issuer(),
                        "INKWELL_JWK_SET_URI", keycloak.jwkSetUri())));
    }
}
