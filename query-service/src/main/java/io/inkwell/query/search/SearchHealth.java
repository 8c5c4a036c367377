package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether search can answer. Elasticsearch out of reach makes the service {@code DEGRADED}, not DOWN, and
 * is not part of readiness: everything but search keeps working, and the index catches up afterwards.
 */
@Component("search")
class SearchHealth implements HealthIndicator {

    private static final Status DEGRADED = new Status("DEGRADED", "Search is unavailable; everything else works");

    private final ElasticsearchClient client;

    SearchHealth(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            HealthResponse cluster = client.cluster().health();
            return Health.up().withDetail("cluster", cluster.status().jsonValue()).build();
        } catch (IOException | RuntimeException e) {
            return Health.status(DEGRADED).withDetail("search", "unavailable")
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
