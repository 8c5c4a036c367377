package io.inkwell.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.support.security.SecurityProperties;
import io.inkwell.support.security.SecurityProperties.Issuer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The trusted issuers bound as the service binds them: this service's own application.yml, overridden by
 * environment variables read through a real {@link SystemEnvironmentPropertySource}, the operator's only tool.
 */
class IssuersFromEnvironmentTest {

    @Test
    void bindsTheFirstIssuerFromTheYamlDefaults() throws IOException {
        assertThat(bind(Map.of()).issuers()).containsOnlyKeys("primary")
                .extractingByKey("primary").extracting(Issuer::issuerUri, Issuer::audiences, Issuer::rolesClaim)
                .containsExactly("http://localhost:8180/realms/inkwell", List.of("inkwell-api"), "realm_access.roles");
    }

    @Test
    void setsTheFirstIssuerWithItsShortVariables() throws IOException {
        Issuer primary = bind(Map.of("INKWELL_ISSUER_URI", "https://login.example.com/",
                "INKWELL_JWK_SET_URI", "https://login.example.com/jwks.json", "INKWELL_AUDIENCE", "api-a,api-b",
                "INKWELL_ROLES_CLAIM", "roles")).issuers().get("primary");
        assertThat(primary).isEqualTo(new Issuer("https://login.example.com/", "https://login.example.com/jwks.json",
                List.of("api-a", "api-b"), "roles"));
    }

    @Test
    void addsASecondIssuerFromEnvironmentVariablesAlone() throws IOException {
        SecurityProperties security = bind(Map.of(
                "INKWELL_SECURITY_ISSUERS_1_ISSUERURI", "https://accounts.example.org",
                "INKWELL_SECURITY_ISSUERS_1_JWKSETURI", "https://accounts.example.org/certs",
                "INKWELL_SECURITY_ISSUERS_1_AUDIENCES", "inkwell-api,inkwell-web",
                "INKWELL_SECURITY_ISSUERS_1_ROLESCLAIM", "scope",
                "INKWELL_SECURITY_ISSUERS_PARTNER_ISSUERURI", "https://partner.example.net",
                "INKWELL_SECURITY_ISSUERS_PARTNER_JWKSETURI", "https://partner.example.net/keys"));
        assertThat(security.issuers()).containsOnlyKeys("primary", "1", "partner");
        assertThat(security.issuers().get("primary").issuerUri()).isEqualTo("http://localhost:8180/realms/inkwell");
        assertThat(security.issuers().get("1")).isEqualTo(new Issuer("https://accounts.example.org",
                "https://accounts.example.org/certs", List.of("inkwell-api", "inkwell-web"), "scope"));
        assertThat(security.issuers().get("partner").audiences()).containsExactly("inkwell-api");
        assertThat(security.issuers().get("partner").rolesClaim()).isEqualTo("realm_access.roles");
    }

    @Test
    void refusesToStartWithAnIssuerThatHasNoKeySet() {
        assertThatThrownBy(() -> bind(Map.of("INKWELL_SECURITY_ISSUERS_1_ISSUERURI", "https://accounts.example.org")))
                .rootCause().hasMessageContaining("Trusted issuer '1' needs both issuer-uri and jwk-set-uri");
    }

    private static SecurityProperties bind(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bind("inkwell.security", SecurityProperties.class).get();
    }
}
