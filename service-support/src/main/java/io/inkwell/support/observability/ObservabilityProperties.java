package io.inkwell.support.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the slow-query logs, and how old an event may be for its projection to join the trace of the
 * request that caused it (a rebuild's replay of last year's events starts no spans in long-finished traces).
 */
@ConfigurationProperties("inkwell.observability")
public record ObservabilityProperties(@DefaultValue("500ms") Duration slowSql,
                                      @DefaultValue("500ms") Duration slowElasticsearch,
                                      @DefaultValue("2m") Duration eventTraceAgeLimit) {
}
