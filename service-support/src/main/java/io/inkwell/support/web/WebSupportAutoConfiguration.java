package io.inkwell.support.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
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

    /** PostgreSQL out of reach is a 503 with Retry-After, not a 500 after a long wait. */
    @Bean
    DatabaseUnavailableResolver databaseUnavailableResolver(
            @Value("${inkwell.database.retry-after:5s}") Duration retryAfter) {
        return new DatabaseUnavailableResolver(retryAfter);
    }

    /** Query parameters name enum values in any case ("newest", "NEWEST"), as Spring Boot binds properties. */
    @Bean
    WebMvcConfigurer lenientEnumParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                ApplicationConversionService.addApplicationConverters(registry);
            }
        };
    }

}
