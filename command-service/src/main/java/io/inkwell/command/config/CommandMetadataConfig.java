package io.inkwell.command.config;

import io.inkwell.api.MetadataKeys;
import io.inkwell.command.security.Caller;
import io.inkwell.command.security.CurrentCaller;
import io.inkwell.support.observability.TraceContext;
import io.inkwell.support.web.RequestIdFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every command carries who sent it and in which request; Axon copies that metadata onto the events the
 * command causes, so that history reads as "who did what, when". The request's trace context goes along
 * ({@code traceparent}), so that the projections' handling of those events joins the request's trace.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetadataConfig {

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> callerMetadata(CurrentCaller callers, ObjectProvider<TraceContext> traces) {
        TraceContext trace = traces.getIfAvailable();
        return messages -> (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            if (trace != null) {
                metadata.putAll(trace.current());
            }
            callers.find().ifPresent(caller -> describe(caller, metadata));
            String requestId = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                metadata.put(MetadataKeys.REQUEST_ID, requestId);
            }
            return command.andMetaData(metadata);
        };
    }

    private static void describe(Caller caller, Map<String, Object> metadata) {
        metadata.put(MetadataKeys.ACTOR_ISSUER, caller.issuer());
        metadata.put(MetadataKeys.ACTOR_SUBJECT, caller.subject());
        caller.userId().ifPresent(id -> metadata.put(MetadataKeys.ACTOR_USER_ID, id));
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(List.of(MetadataKeys.ACTOR_USER_ID, MetadataKeys.ACTOR_SUBJECT,
                MetadataKeys.ACTOR_ISSUER, MetadataKeys.REQUEST_ID, MetadataKeys.TRACE_PARENT, MetadataKeys.TRACE_STATE)
                .toArray(String[]::new));
    }
}
