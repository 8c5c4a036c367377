package io.inkwell.query.security;

import io.inkwell.support.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The whole access policy of query-service in one place. Reading published posts, tags and search is
 * public (a token, when sent, must still be valid, and lets its owner see their own drafts); profiles need
 * a token; the admin API (dead letters) needs role {@code admin}; the event history needs role {@code analyst} or
 * {@code admin}, except an aggregate's history, which its owner may read too. Which drafts and emails a reader sees is
 * decided by {@link Viewer}. GraphQL ({@code /graphql}) is open at the door and applies the same rules per field.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**").hasRole("admin")
                        // Prometheus scrapes with a token of a service account that has role metrics (client credentials).
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole("metrics")
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // History: analysts and admins; owners of their own post or profile (decided per aggregate).
                        .requestMatchers(HttpMethod.GET, "/api/v1/events", "/api/v1/events/**").hasAnyRole("analyst", "admin")
                        .requestMatchers(HttpMethod.GET, "/api/v1/posts/{id:(?!by-slug$).+}/history", "/api/v1/users/*/history")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/posts", "/api/v1/posts/**", "/api/v1/tags",
                                "/api/v1/search/posts").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/users/*").authenticated()
                        // GraphQL: open like the public reads; its resolvers apply the rules of the REST reads
                        // (profiles need a token, drafts their author). A token sent must still be valid.
                        .requestMatchers("/graphql", "/graphql/schema", "/graphiql").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("admin")
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .build();
    }
}
