package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.query.QueryServiceContext;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The live processors get ProcessorMonitors' meters, not axon-micrometer's own (whose names are the same). */
@QueryServiceContext
class ProcessorMonitorsIT {

    @Autowired
    Configuration axon;

    @Test
    void aPooledProcessorIsMonitoredByProcessorMonitors() {
        assertThat(axon.messageMonitor(PooledStreamingEventProcessor.class, "posts"))
                .isInstanceOf(ProcessorMonitors.ProcessorMonitor.class);
    }
}
