package io.inkwell.support.security;

import io.inkwell.support.ratelimit.RateLimitProperties;
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
    ApiSecurity apiSecurity(SecurityProperties security, RateLimitProperties rateLimits,
                            ProblemAuthenticationEntryPoint problems) {
        return new ApiSecurity(security, rateLimits, problems);
    }
}
