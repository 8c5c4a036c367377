package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessorMonitorsTest {

    record Published(String id) {
    }

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final MessageMonitor<Message<?>> monitor = new ProcessorMonitors(registry, Duration.ofSeconds(10), clock).monitor("posts");

    @Test
    void capacityIsTheBusyShareOfTheLastTenSecondsAndForgetsWhatCameBefore() {
        handleFor(Duration.ofSeconds(5));
        Gauge capacity = registry.find("eventProcessor.capacity").tag("processorName", "posts").gauge();

        // Over axon-micrometer's 10 minutes the same 5 busy seconds would read 0.008.
        assertThat(capacity.value()).isCloseTo(0.5, within(0.01));
        clock.add(Duration.ofSeconds(11));
        assertThat(capacity.value()).isZero();
    }

    @Test
    void keepsAxonMicrometersMeterNamesAndTags() {
        handleFor(Duration.ofMillis(20));

        assertThat(registry.getMeters().stream().map(meter -> meter.getId().getName()).distinct())
                .contains("eventProcessor.latency", "eventProcessor.capacity", "eventProcessor.successCounter",
                        "eventProcessor.ingestedCounter", "eventProcessor.successTimer");
        Meter success = registry.find("eventProcessor.successCounter").tags("processorName", "posts", "payloadType", "Published").meter();
        assertThat(success).isNotNull();
        assertThat(registry.find("eventProcessor.latency").tags("processorName", "posts").meter()).isNotNull();
    }

    private void handleFor(Duration busy) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage(new Published("p1")));
        clock.add(busy);
        callback.reportSuccess();
    }
}
