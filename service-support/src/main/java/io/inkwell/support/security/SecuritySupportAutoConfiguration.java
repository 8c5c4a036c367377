package io.inkwell.support.security;

import io.inkwell.support.ratelimit.RateLimitProperties;
import io.inkwell.support.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
public class SecuritySupportAutoConfiguration {

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }

    @Bean
    TrustedIssuers trustedIssuers(SecurityProperties security) {
        return new TrustedIssuers(security, Clock.systemUTC());
    }

    /** Shows as {@code issuers} in health details: the key status of each trusted issuer. */
    @Bean
    IssuersHealthIndicator issuersHealthIndicator(TrustedIssuers issuers) {
        return new IssuersHealthIndicator(issuers);
    }

    /** The callers' budgets: spent per request by the API's filter, and by cost for GraphQL. */
    @Bean
    RateLimiter rateLimiter(RateLimitProperties rateLimits) {
        return new RateLimiter(rateLimits);
    }

    @Bean
    ApiSecurity apiSecurity(SecurityProperties security, TrustedIssuers issuers, RateLimiter rateLimits,
                            ProblemAuthenticationEntryPoint problems, ObjectProvider<MeterRegistry> meters) {
        return new ApiSecurity(security, issuers, rateLimits, problems, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
