package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DatabaseUnavailableResolverTest {

    private final DatabaseUnavailableResolver resolver = new DatabaseUnavailableResolver(Duration.ofSeconds(5));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void answersServiceUnavailableWithRetryAfterWhenAxonWrapsAPoolTimeout() throws Exception {
        // What a command meets when Hikari cannot hand out a connection within its timeout.
        var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001");
        var failure = new CommandExecutionException("command failed",
                new CannotCreateTransactionException("Could not open JDBC Connection", timeout));

        assertThat(resolver.resolveException(new MockHttpServletRequest("POST", "/api/v1/posts"), response, null, failure))
                .isNotNull();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(body.path("type").asString()).isEqualTo("https://inkwell.example/problems/service-unavailable");
        assertThat(body.path("status").asInt()).isEqualTo(503);
    }

    @Test
    void recognisesAConnectionFailureByItsSqlState() {
        var refused = new SQLException("Connection to localhost:55432 refused", "08001");

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
                new IllegalStateException("wrapped", refused))).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void looksBehindARollbackThatFailedBecauseTheServerDiedMidTransaction() {
        // Seen in the crash suite: PostgreSQL killed between a command's statements.
        var died = new DataAccessResourceFailureException("UPDATE idempotency_keys ...",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(died);

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, rollback)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void recognisesHikarisClosedConnectionWhenNothingElseFailedFirst() {
        // Seen by ScaleIT: PostgreSQL SIGKILLed during a commit; Hikari had already closed the broken connection.
        var commit = new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("Connection is closed"));

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, commit)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    }

    @Test
    void aClosedConnectionWithASqlStateIsJudgedByItsState() {
        var closedWithState = new SQLException("Connection is closed", "42000");

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
                new IllegalStateException("wrapped", closedWithState))).isNull();
    }

    @Test
    void recognisesAServerThatIsShuttingDownByItsState() {
        var terminating = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
                new IllegalStateException("wrapped", terminating))).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void aFailedRollbackIsJudgedByTheFailureThatCausedIt() {
        var died = new IllegalStateException("wrapped", new SQLException("server closed the connection", "08006"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new IllegalStateException("not the cause"));
        rollback.initApplicationException(died);

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, rollback)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void aResponseAlreadyUnderWayIsLeftAlone() throws Exception {
        response.getWriter().write("partial");
        response.flushBuffer();

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
                new CannotCreateTransactionException("no connection"))).isNull();
    }

    @Test
    void runsAheadOfSpringsOwnResolvers() {
        assertThat(resolver.getOrder()).isLessThan(0);
    }

    @Test
    void leavesOtherDatabaseFailuresToTheOtherHandlers() {
        var duplicate = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));

        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, duplicate)).isNull();
        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
                new IllegalStateException("no database involved"))).isNull();
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("a bug"));
        assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, rollback)).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
