package io.inkwell.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of a load scenario come from the lines Gatling prints for its assertions; misread, RESULTS.md lies. */
class GatlingRunTest {

    private static final List<String> LOG = List.of(
            "Reports generated, please open the following file: file:///tmp/r/createposts-1/index.html",
            "Global: mean requests per second is greater than or equal to 0.0 : true (actual : 452.5)",
            "create post: 50th percentile of response time is greater than or equal to 0.0 : true (actual : 12.0)",
            "create post: 95th percentile of response time is greater than or equal to 0.0 : true (actual : 41.0)",
            "create post: 99th percentile of response time is greater than or equal to 0.0 : true (actual : 1300.0)",
            "create post: mean requests per second is greater than or equal to 0.0 : true (actual : 271.25)",
            "create post: count of successful events is greater than or equal to 0.0 : true (actual : 5400.0)",
            "create post: count of failed events is greater than or equal to 0.0 : true (actual : 3.0)",
            "commit to read model: 99th percentile of response time is greater than or equal to 0.0 : true (actual : 956.0)",
            "list posts: 50th percentile of response time is greater than or equal to 0.0 : false "
                    + "(Could not find stats matching assertion path List(list posts))");

    @Test
    void readsEachRequestsPercentilesThroughputAndCounts() {
        GatlingRun.Stats create = GatlingRun.read(LOG).get("create post");

        assertThat(create).isEqualTo(new GatlingRun.Stats("create post", 5400, 3, 12, 41, 1300, 271.25));
    }

    @Test
    void readsGroupsAndTheWholeRunByTheirNames() {
        Map<String, GatlingRun.Stats> figures = GatlingRun.read(LOG);

        assertThat(figures.get("Global").perSecond()).isEqualTo(452.5);
        assertThat(figures.get("commit to read model").p99()).isEqualTo(956);
    }

    @Test
    void aRequestThatNeverRanHasNoFigures() {
        assertThat(GatlingRun.read(LOG)).doesNotContainKey("list posts");
    }
}
