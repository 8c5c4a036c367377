package io.inkwell.query.config;

import io.inkwell.query.projection.SegmentShares;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails must not skip the event (Axon's default only logs it): the error propagates,
 * the batch rolls back with its token, and the processor retries it after a back-off. That is how the
 * search index catches up after an Elasticsearch outage with nothing lost.
 * <p>
 * Several instances share each pooled processor's segments through their claims in the token table. The
 * coordinator extends every claim it holds each {@code inkwell.axon.claim-extension} (1 s), busy or idle, so
 * that the token claim timeout (5 s) can be short: a SIGKILLed instance's claims expire after it, and the
 * others, which look for unclaimed segments every {@code token-claim-interval} (1 s), take them over within
 * about 6 s. {@link SegmentShares} keeps each instance to its fair part.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfig {

    @Bean
    ConfigurerModule retryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    ConfigurerModule shareSegments(ObjectProvider<SegmentShares> shares,
                                   @Value("${inkwell.axon.claim-extension:1s}") Duration claimExtension) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .enableCoordinatorClaimExtension()
                        .claimExtensionThreshold(claimExtension.toMillis())
                        .maxSegmentProvider(processor -> shares.getObject().getMaxSegments(processor))));
    }
}
