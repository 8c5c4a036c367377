package io.inkwell.support.web;

import java.time.Duration;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP behaviour both services share: request ids, body limits, clean request targets, and problem
 * details for every failure, whether Spring MVC, Spring Security or Tomcat itself finds it.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
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
    UnreadableRequestFilter unreadableRequestFilter() {
        return new UnreadableRequestFilter();
    }

    @Bean
    EmptyErrorFilter emptyErrorFilter() {
        return new EmptyErrorFilter();
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

    /** Replaces Spring Boot's error page (JSON or HTML by the client's Accept) with problem details. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Spring Security's firewall refusing a request (an encoded slash, say) is the client's mistake: 400. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> Problem.MALFORMED_REQUEST.write(response,
                "The request has a header, path or parameter that is not allowed");
    }

    @Bean
    ProblemErrorReports problemErrorReports() {
        return new ProblemErrorReports();
    }

    /**
     * Tomcat's own error report as a problem too. Spring Boot adds a plain {@link ErrorReportValve} to the
     * host; this runs after Boot's customizer (so: lowest precedence) and swaps it for ours.
     */
    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // Tomcat refuses TRACE before any filter runs, and then answers 404 without a body from its error
            // dispatch. Let it through: UnreadableRequestFilter answers every TRACE with a 405 problem.
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
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
