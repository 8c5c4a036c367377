package io.inkwell.testing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the test JVM's real PostgreSQL and Keycloak through the same variables that
 * the local stack and docker-compose set, so that tests exercise the production configuration. A second
 * trusted issuer ({@link TestIssuer}) lets tests mint tokens of their own, valid and forged.
 */
public class InkwellTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The one browser origin that tests configure as allowed. */
    public static final String ALLOWED_ORIGIN = "https://app.inkwell.test";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        TestKeycloak keycloak = TestKeycloak.get();
        TestIssuer testIssuer = TestIssuer.get();
        Map<String, Object> properties = new HashMap<>(Map.of("INKWELL_DB_URL", database.jdbcUrl(),
                        "INKWELL_DB_USER", database.username(),
                        "INKWELL_DB_PASSWORD", database.password(),
                        "INKWELL_ISSUER_URI", keycloak.issuer(),
                        "INKWELL_JWK_SET_URI", keycloak.jwkSetUri(),
                        // A list is replaced whole by a higher source, so both trusted issuers are named here.
                        "inkwell.security.issuers[0].issuer-uri", keycloak.issuer(),
                        "inkwell.security.issuers[0].jwk-set-uri", keycloak.jwkSetUri(),
                        "inkwell.security.issuers[1].issuer-uri", testIssuer.issuer(),
                        "inkwell.security.issuers[1].jwk-set-uri", testIssuer.jwkSetUri(),
                        "inkwell.security.cors.allowed-origins", ALLOWED_ORIGIN));
        // Every anonymous test request comes from one address; budgets that a test suite cannot exhaust.
        for (String group : new String[] {"read", "search", "write"}) {
            properties.put("inkwell.rate-limit.groups." + group + ".anonymous", 1_000_000);
            properties.put("inkwell.rate-limit.groups." + group + ".authenticated", 1_000_000);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("inkwell-test-infrastructure",
                properties));
    }
}
