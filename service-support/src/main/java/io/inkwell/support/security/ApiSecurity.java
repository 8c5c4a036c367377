package io.inkwell.support.security;

import io.inkwell.support.ratelimit.RateLimitFilter;
import io.inkwell.support.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * What every Inkwell API does for security, whatever its access policy: bearer tokens from the trusted
 * issuers only, 401 and 403 as problem details, no sessions and so no CSRF surface, CORS for configured
 * origins only, strict security headers, and rate limits per caller. Each service's own SecurityConfig
 * calls {@link #apply} and then states which endpoint needs which role.
 */
public class ApiSecurity {

    private final SecurityProperties properties;
    private final TrustedIssuers issuers;
    private final ProblemAuthenticationEntryPoint problems;
    private final RateLimitFilter rateLimits;

    ApiSecurity(SecurityProperties properties, TrustedIssuers issuers, RateLimiter rateLimits,
                ProblemAuthenticationEntryPoint problems, MeterRegistry meters) {
        this.properties = properties;
        this.issuers = issuers;
        this.problems = problems;
        this.rateLimits = new RateLimitFilter(rateLimits, meters);
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(issuers.resolver())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens in a header, never cookies: there is no ambient credential to forge requests with.
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .addFilter(corsFilter())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny())
                        // Sent on HTTPS requests only, as RFC 6797 asks.
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class);
    }

    private CorsFilter corsFilter() {
        CorsFilter filter = new CorsFilter(cors());
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    private UrlBasedCorsConfigurationSource cors() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-Id",
                "traceparent", "tracestate"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "traceparent", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Idempotent-Replayed"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration(RateLimitFilter.GRAPHQL_PATH, cors);
        return source;
    }

    /** Strict for the API; Swagger UI needs its own scripts and styles, and to reach the token issuers. */
    private String contentSecurityPolicy() {
        String issuers = TrustedIssuers.origins(properties);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self' " + issuers + "; form-action 'self' " + issuers + "; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }
}
