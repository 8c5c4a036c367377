package io.inkwell.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A statement slower than the threshold (500 ms) is logged with its duration, and without its parameters. */
@QueryServiceContext
@ExtendWith(OutputCaptureExtension.class)
class SlowQueryLogIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void logsASlowStatementWithItsDurationButNotItsParameters(CapturedOutput output) {
        String personal = "someone-" + UUID.randomUUID() + "@inkwell.test";
        jdbc.sql("SELECT pg_sleep(:seconds), CAST(:email AS text) AS slow_query_probe")
                .param("seconds", 0.6).param("email", personal)
                .query().singleRow();

        assertThat(output.getOut().lines().filter(line -> line.contains("slow_query_probe")))
                .singleElement().satisfies(line -> {
                    assertThat(line).containsPattern("Slow SQL: (\\d{3,}) ms").contains("pg_sleep(?)").doesNotContain(personal);
                    long millis = Long.parseLong(line.replaceAll(".*Slow SQL: (\\d+) ms.*", "$1"));
                    assertThat(millis).isGreaterThanOrEqualTo(600);
                });
    }

    @Test
    void leavesFastStatementsOut(CapturedOutput output) {
        jdbc.sql("SELECT 1 AS fast_query_probe").query().singleRow();
        assertThat(output.getOut()).doesNotContain("fast_query_probe");
    }
}
