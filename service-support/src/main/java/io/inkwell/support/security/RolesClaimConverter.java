package io.inkwell.support.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The roles an issuer puts into its tokens become authorities {@code ROLE_<role>}. Where they are is set per
 * issuer: Keycloak's {@code realm_access.roles} (a path into a nested claim), a plain array such as
 * {@code roles} or {@code groups}, or a space-separated string such as OAuth's {@code scope} or {@code scp}.
 */
public class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claim;

    public RolesClaimConverter(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt.getClaims()).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    private List<String> roles(Map<String, Object> claims) {
        // A whole name first: some providers name claims by URL ("https://example.com/roles"), dots included.
        Object value = claims.containsKey(claim) ? claims.get(claim) : atPath(claims, claim.split("\\."));
        return switch (value) {
            case Collection<?> roles -> roles.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(role -> !role.isBlank()).toList();
            case String roles -> Arrays.stream(roles.trim().split("\\s+")).filter(role -> !role.isEmpty()).toList();
            case null, default -> List.of();
        };
    }

    private static Object atPath(Map<String, Object> claims, String[] path) {
        Object value = claims;
        for (String name : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value;
    }
}
