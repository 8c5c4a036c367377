package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Elasticsearch that accepts connections but never answers (paused, overloaded) is reported as degraded
 * search, instead of holding the health endpoint: every call has a deadline.
 */
class SearchHealthTest {

    @Test
    @Timeout(30)
    void aNodeThatNeverAnswersIsDegradedSearchNotAHungHealthCheck() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var client = new ElasticsearchConfig().elasticsearchClient(
                    "http://127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(2),
                    new ElasticsearchCalls(new SimpleMeterRegistry(), Tracer.NOOP, Duration.ofSeconds(1)));
            try {
                var health = new SearchHealth(client).health();

                assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
                assertThat(health.getDetails()).containsEntry("search", "unavailable");
            } finally {
                client.close();
            }
        }
    }
}
