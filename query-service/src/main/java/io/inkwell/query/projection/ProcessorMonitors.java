package io.inkwell.query.projection;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Micrometer monitors of the event processors: the ones axon-micrometer gives them, under the same names and
 * tags ({@code eventProcessor_*}), except that the capacity monitor measures over {@code inkwell.metrics.capacity-window}
 * (10 s) instead of 10 minutes. It keeps every measurement of its window: over 10 minutes that is some 300,000 at
 * 500 events/s per processor, and millions while a processor catches up after a stop, which would fill the
 * service's 256 MB heap; over 10 seconds it is at most a few tens of thousands. (Rebuild processors have no
 * monitor: {@link RebuildProcessors}.)
 */
@Component
class ProcessorMonitors implements ConfigurerModule {

    static final String PREFIX = "eventProcessor";

    private final MeterRegistry registry;
    private final Duration capacityWindow;
    private final Clock clock;

    @Autowired
    ProcessorMonitors(MeterRegistry registry, @Value("${inkwell.metrics.capacity-window:10s}") Duration capacityWindow) {
        this(registry, capacityWindow, Clock.SYSTEM);
    }

    ProcessorMonitors(MeterRegistry registry, Duration capacityWindow, Clock clock) {
        this.registry = registry;
        this.capacityWindow = capacityWindow;
        this.clock = clock;
    }

    @Override
    public void configureModule(Configurer configurer) {
        // Axon looks for a monitor by component type before its default, which is where axon-micrometer goes.
        configurer.configureMessageMonitor(EventProcessor.class, (configuration, type, name) -> monitor(name));
    }

    /** The monitors of one event processor. */
    static final class ProcessorMonitor extends MultiMessageMonitor<Message<?>> {
        ProcessorMonitor(List<MessageMonitor<? super Message<?>>> monitors) {
            super(monitors);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ProcessorMonitor monitor(String processor) {
        Function<Message<?>, Iterable<Tag>> byPayload =
                message -> Tags.of("processorName", processor, "payloadType", message.getPayloadType().getSimpleName());
        Function<Message<?>, Iterable<Tag>> byProcessor = message -> Tags.of("processorName", processor);
        List monitors = List.of(
                MessageTimerMonitor.buildMonitor(PREFIX, registry, byPayload),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry).tagsBuilder(byProcessor).build(),
                CapacityMonitor.buildMonitor(PREFIX, registry, capacityWindow.toMillis(), TimeUnit.MILLISECONDS, clock, byPayload),
                MessageCountingMonitor.buildMonitor(PREFIX, registry, byPayload));
        return new ProcessorMonitor(monitors);
    }
}
