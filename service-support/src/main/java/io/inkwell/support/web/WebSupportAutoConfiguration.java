package io.inkwell.support.web;

import io.inkwell.support.security.ProblemAuthenticationEntryPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/** The HTTP behaviour both services share: request ids, body limits and problem details for every failure. */
@AutoConfiguration
public class WebSupportAutoConfiguration {

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(@Value("${inkwell.max-request-size:1MB}") DataSize limit) {
        return new RequestSizeLimitFilter(limit);
    }

    @Bean
    ProblemDetailsHandler problemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }
}
