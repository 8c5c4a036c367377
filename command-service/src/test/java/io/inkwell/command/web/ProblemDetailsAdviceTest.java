package io.inkwell.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inkwell.command.domain.Rejection;
import io.inkwell.support.web.Problem;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** Refused commands become the problem their rule names, with the status of the catalogue. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void answersARejectionWithTheProblemOfItsCode() {
        assertProblem(advice.rejected(new Rejection("email-taken", "alice@inkwell.test is taken")), Problem.EMAIL_TAKEN,
                "alice@inkwell.test is taken");
    }

    @Test
    void readsTheRejectionFromTheDetailsOfAFailedCommand() {
        Rejection rejection = new Rejection("not-post-author", "Only the author or a moderator may change this post");
        CommandExecutionException failed = new CommandExecutionException("refused", rejection, rejection.details());

        assertProblem(advice.commandFailed(failed), Problem.NOT_POST_AUTHOR, "Only the author or a moderator may change this post");
    }

    @Test
    void blamesItselfNotTheClientForACommandThatFailedWithoutARuleOrWithAnUnknownCode() {
        assertProblem(advice.commandFailed(new CommandExecutionException("boom", new IllegalStateException("SQL"), null)),
                Problem.INTERNAL_ERROR, "Something went wrong on our side; nothing was changed. Retrying later may help.");
        assertProblem(advice.rejected(new Rejection("no-such-code", "x")), Problem.INTERNAL_ERROR,
                "Something went wrong on our side; nothing was changed. Retrying later may help.");
    }

    @Test
    void namesBothVersionsAsClientsCountThemWhenIfMatchIsStale() {
        assertProblem(advice.staleVersion(new ConflictingAggregateVersionException("post-1", 0, 1)), Problem.VERSION_MISMATCH,
                "If-Match names version 1 but the current version is 2");
    }

    @Test
    void answersARaceLostToAnotherNodeAsConcurrentModificationOrAsAFailedPrecondition() {
        ConcurrencyException race = new ConcurrencyException("sequence number taken");
        MockHttpServletRequest withoutPrecondition = new MockHttpServletRequest("PUT", "/api/v1/posts/p-1");
        MockHttpServletRequest withPrecondition = new MockHttpServletRequest("PUT", "/api/v1/posts/p-1");
        withPrecondition.addHeader("If-Match", "\"3\"");

        assertProblem(advice.concurrentWrite(race, new ServletWebRequest(withoutPrecondition)), Problem.CONCURRENT_MODIFICATION,
                "Someone else changed this at the same moment; fetch it again and retry");
        assertProblem(advice.concurrentWrite(race, new ServletWebRequest(withPrecondition)), Problem.VERSION_MISMATCH,
                "Someone else changed this first; fetch it again and retry");
    }

    @Test
    void answersAnUnusableIfMatchAsAFailedPrecondition() {
        Throwable weakTag = catchThrowable(() -> Versions.expectedSequence("W/\"1\""));

        assertThat(weakTag).isInstanceOf(Versions.PreconditionFailedException.class);
        assertProblem(advice.preconditionFailed((Versions.PreconditionFailedException) weakTag), Problem.VERSION_MISMATCH,
                "If-Match must be one strong ETag such as \"3\", as returned by the last write");
    }

    @Test
    void answersAKeyProblemWithTheProblemItNames() {
        assertProblem(advice.idempotencyKey(new IdempotentCreation.IdempotencyKeyException(Problem.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used with a different request")), Problem.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used with a different request");
    }

    private static void assertProblem(ResponseEntity<ProblemDetail> answer, Problem problem, String detail) {
        assertThat(answer.getStatusCode().value()).isEqualTo(problem.status().value());
        assertThat(answer.getBody().getType()).isEqualTo(problem.type());
        assertThat(answer.getBody().getStatus()).isEqualTo(problem.status().value());
        assertThat(answer.getBody().getDetail()).isEqualTo(detail);
    }
}
