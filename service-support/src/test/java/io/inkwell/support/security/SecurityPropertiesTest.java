package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults the README promises, and an issuer that names only half of what it needs refused at start. */
class SecurityPropertiesTest {

    @Test
    void defaultsToKeycloaksRolesClaimTheInkwellAudienceAndThirtySecondsOfSkew() {
        SecurityProperties properties = new SecurityProperties(Map.of("kc",
                new SecurityProperties.Issuer("https://kc.test/realms/inkwell", "https://kc.test/certs", List.of(), " ")),
                null, null, null, null);

        SecurityProperties.Issuer issuer = properties.issuers().get("kc");
        assertThat(issuer.rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(issuer.audiences()).containsExactly("inkwell-api");
        assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.algorithms()).containsExactly("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                "ES256", "ES384", "ES512");
        assertThat(properties.keys().minRefetchPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.cors().allowedOrigins()).isEmpty();
    }

    @Test
    void refusesAnIssuerWithoutItsKeySetOrItsIssuerUri() {
        for (SecurityProperties.Issuer half : List.of(new SecurityProperties.Issuer("https://kc.test", " ", null, null),
                new SecurityProperties.Issuer(null, "https://kc.test/certs", null, null))) {
            assertThatThrownBy(() -> new SecurityProperties(Map.of("half", half), null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("INKWELL_SECURITY_ISSUERS_HALF_ISSUERURI");
        }
    }
}
