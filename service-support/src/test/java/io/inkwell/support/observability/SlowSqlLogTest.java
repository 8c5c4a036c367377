package io.inkwell.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SlowSqlLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.inkwell.slow-query.sql");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final SlowSqlLog slow = new SlowSqlLog(Duration.ofMillis(500));

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void leavesAStatementFasterThanTheThresholdOut() {
        slow.afterQuery(execution(499, false, 0, true), queries("SELECT 1"));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void logsAStatementAtTheThresholdWithItsDurationAndItsPlaceholdersOnOneLine() {
        slow.beforeQuery(execution(500, false, 0, true), queries("SELECT *\n  FROM users\n WHERE email = ?"));
        slow.afterQuery(execution(500, false, 0, true), queries("SELECT *\n  FROM users\n WHERE email = ?"));

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("Slow SQL: 500 ms: SELECT * FROM users WHERE email = ?");
    }

    @Test
    void saysWhenItWasAFailedBatch() {
        slow.afterQuery(execution(800, true, 3, false), queries("INSERT INTO t VALUES (?)", "UPDATE t SET a = ?"));

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("Slow SQL: 800 ms, batch of 3, failed: INSERT INTO t VALUES (?); UPDATE t SET a = ?");
    }

    private static ExecutionInfo execution(long millis, boolean batch, int batchSize, boolean success) {
        ExecutionInfo execution = new ExecutionInfo();
        execution.setElapsedTime(millis);
        execution.setBatch(batch);
        execution.setBatchSize(batchSize);
        execution.setSuccess(success);
        return execution;
    }

    private static List<QueryInfo> queries(String... sql) {
        return java.util.Arrays.stream(sql).map(QueryInfo::new).toList();
    }
}
