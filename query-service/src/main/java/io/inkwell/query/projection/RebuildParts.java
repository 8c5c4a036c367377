package io.inkwell.query.projection;

import org.axonframework.config.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** What every rebuild works with. */
@Component
@EnableConfigurationProperties(RebuildSettings.class)
record RebuildParts(Configuration axon, RebuildProcessors processors, StreamPositions positions,
                    RebuildSwitch rebuildSwitch, ReadModelGenerations generations, RebuildSettings settings) {

    /** The number of segments the token store holds for a processor. */
    int segmentsOf(String processorName) {
        return axon.eventProcessingConfiguration().tokenStore(processorName).fetchSegments(processorName).length;
    }
}
