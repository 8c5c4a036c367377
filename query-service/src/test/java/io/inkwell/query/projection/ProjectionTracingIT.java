package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.RecordedSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An event that carries a request's trace context (as command-service writes it) is projected inside that
 * trace: each projection's span is a child of the request's span, the search projection's bulk write to
 * Elasticsearch belongs to it, and the projection's log lines carry its trace id.
 */
@QueryServiceContext
@ExtendWith(OutputCaptureExtension.class)
class ProjectionTracingIT {

    @Autowired
    History history;

    @Autowired
    RecordedSpans spans;

    @Test
    void projectingAnEventJoinsTheTraceOfTheRequestThatCausedIt(CapturedOutput output) {
        String traceId = hex(16);
        String requestSpan = hex(8);
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(ProjectionTracing.class.getName(), LogLevel.DEBUG);
        try {
            String author = history.registerUser("Traced Writer", "traced-" + UUID.randomUUID() + "@inkwell.test",
                    "https://issuer.test", UUID.randomUUID().toString());
            String post = History.newId();
            history.append("Post", post, new PostCreatedEvent(post, author, "Traced post", "Followed from the request",
                    List.of("tracing"), "slug-" + post), Map.of("traceparent", "00-" + traceId + "-" + requestSpan + "-01"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.ofTrace(traceId))
                    .extracting(SpanData::getName)
                    .contains("project PostCreatedEvent", "commit posts", "commit post-search", "elasticsearch bulk"));
        } finally {
            logging.setLogLevel(ProjectionTracing.class.getName(), null);
        }
        List<SpanData> projected = spans.ofTrace(traceId).stream()
                .filter(span -> span.getName().equals("project PostCreatedEvent")).toList();
        assertThat(projected).extracting(SpanData::getParentSpanId).containsOnly(requestSpan);
        assertThat(projected).extracting(span -> span.getAttributes().asMap().entrySet().stream()
                        .filter(attribute -> attribute.getKey().getKey().equals("inkwell.processing_group"))
                        .map(Map.Entry::getValue).findFirst().orElseThrow())
                .contains("posts", "post-search");
        assertThat(output.getOut().lines().filter(line -> line.contains("Projecting PostCreatedEvent")))
                .isNotEmpty().allMatch(line -> line.contains(traceId));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
