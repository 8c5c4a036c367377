package io.inkwell.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails must not skip the event (Axon's default only logs it): the error propagates,
 * the batch rolls back with its token, and the processor retries it after a back-off. That is how the
 * search index catches up after an Elasticsearch outage with nothing lost.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfig {

    @Bean
    ConfigurerModule retryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance()));
    }
}
