package io.inkwell.command.security;

import io.inkwell.support.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The whole access policy of command-service in one place. Every command needs a valid access token;
 * writing posts needs the role {@code user} (the GraphQL mutation checks that itself: one endpoint serves
 * every mutation). Who may change which profile or post (the owner, a moderator, an admin) is a rule of
 * the aggregates themselves, tested with them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        // Prometheus scrapes with a token of a service account that has role metrics (client credentials).
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole("metrics")
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/users").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/users/*").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/users/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/posts").hasRole("user")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/posts/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/posts/*/publish", "/api/v1/posts/*/unpublish").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/posts/*").authenticated()
                        .requestMatchers("/api/v1/**").authenticated()
                        // Every mutation needs a token, as every REST command does: anonymous is a 401 problem
                        // before GraphQL runs. Roles and ownership are checked per mutation, as in REST.
                        .requestMatchers(HttpMethod.POST, "/graphql").authenticated()
                        .anyRequest().denyAll())
                .build();
    }
}
