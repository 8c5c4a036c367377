package io.inkwell.testing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Points a Spring context at the test JVM's real PostgreSQL and Keycloak through the same variables that
 * the local stack and docker-compose set, so that tests exercise the production configuration. Two more
 * trusted issuers ({@link TestIssuer}) let tests mint tokens of their own, valid and forged; they are added
 * the way an operator adds issuers, by environment variables alone, read through a real
 * {@link SystemEnvironmentPropertySource}, so every test context also proves that this works.
 */
public class InkwellTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The one browser origin that tests configure as allowed. */
    public static final String ALLOWED_ORIGIN = "https://app.inkwell.test";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        TestKeycloak keycloak = TestKeycloak.get();
        Map<String, Object> properties = new HashMap<>(Map.of("INKWELL_DB_URL", database.jdbcUrl(),
                        "INKWELL_DB_USER", database.username(),
                        "INKWELL_DB_PASSWORD", database.password(),
                        "INKWELL_ISSUER_URI", keycloak.issuer(),
                        "INKWELL_JWK_SET_URI", keycloak.jwkSetUri(),
                        "inkwell.security.cors.allowed-origins", ALLOWED_ORIGIN));
        // Every anonymous test request comes from one address; budgets that a test suite cannot exhaust.
        for (String group : new String[] {"read", "search", "write"}) {
            properties.put("inkwell.rate-limit.groups." + group + ".anonymous", 1_000_000);
            properties.put("inkwell.rate-limit.groups." + group + ".authenticated", 1_000_000);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("inkwell-test-infrastructure",
                properties));
        // Spring reads a source with environment-variable rules only if its name ends in "-systemEnvironment".
        context.getEnvironment().getPropertySources().addAfter("inkwell-test-infrastructure",
                new SystemEnvironmentPropertySource("inkwell-test-systemEnvironment", issuerVariables()));
    }

    /** The test issuers as an operator would add them: INKWELL_SECURITY_ISSUERS_<NAME>_..., nothing else. */
    public static Map<String, Object> issuerVariables() {
        Map<String, Object> variables = new HashMap<>();
        addIssuer(variables, "1", TestIssuer.get());
        addIssuer(variables, "UNRELIABLE", TestIssuer.unreliable());
        return variables;
    }

    private static void addIssuer(Map<String, Object> variables, String name, TestIssuer issuer) {
        String prefix = "INKWELL_SECURITY_ISSUERS_" + name + "_";
        variables.put(prefix + "ISSUERURI", issuer.issuer());
        variables.put(prefix + "JWKSETURI", issuer.jwkSetUri());
        variables.put(prefix + "AUDIENCES", "inkwell-api,another-audience");
        variables.put(prefix + "ROLESCLAIM", issuer.rolesClaim());
    }
}
