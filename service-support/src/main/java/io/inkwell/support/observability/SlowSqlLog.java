package io.inkwell.support.observability;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each SQL statement that took at least the threshold, with its duration and its text as the driver got it:
 * placeholders, never the bound values, which may hold personal data (names, emails, posts). Sits on the
 * DataSource, so it sees Hibernate's statements, JdbcClient's and Axon's alike.
 */
public class SlowSqlLog implements QueryExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("io.inkwell.slow-query.sql");

    private final long thresholdMillis;

    public SlowSqlLog(Duration threshold) {
        this.thresholdMillis = threshold.toMillis();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (execution.getElapsedTime() < thresholdMillis) {
            return;
        }
        String statements = queries.stream().map(QueryInfo::getQuery).map(SlowSqlLog::oneLine)
                .collect(Collectors.joining("; "));
        log.warn("Slow SQL: {} ms{}{}: {}", execution.getElapsedTime(),
                execution.isBatch() ? ", batch of " + execution.getBatchSize() : "",
                execution.isSuccess() ? "" : ", failed", statements);
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
