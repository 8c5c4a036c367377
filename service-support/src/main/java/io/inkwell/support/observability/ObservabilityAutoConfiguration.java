package io.inkwell.support.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Traces carried through responses and messages, and the slow-SQL log, for both services. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    TraceContext traceContext(Tracer tracer, Propagator propagator) {
        return new TraceContext(tracer, propagator);
    }

    @Bean
    @ConditionalOnBean(TraceContext.class)
    TraceResponseFilter traceResponseFilter(TraceContext traces) {
        return new TraceResponseFilter(traces);
    }

    /** Every DataSource goes through datasource-proxy, which times each statement for {@link SlowSqlLog}. */
    @Bean
    static BeanPostProcessor slowSqlDataSources(ObjectProvider<ObservabilityProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name(name)
                            .listener(new SlowSqlLog(properties.getObject().slowSql())).build();
                }
                return bean;
            }
        };
    }
}
