package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.inkwell.query.web.InvalidParameterException;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.support.web.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

/** A resolver's refusal reads as REST's: the problem's code in {@code extensions.code}, its detail as the message. */
class GraphQlErrorsTest {

    private final DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
            .mergedField(MergedField.newMergedField(Field.newField("post").sourceLocation(new SourceLocation(1, 3)).build())
                    .build())
            .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                    .path(ResultPath.rootPath().segment("post")).build())
            .build();

    @Test
    void aMissingThingIsNotFoundAtTheFieldThatAskedForIt() {
        GraphQLError error = resolved(new NotFoundException("Post p-1 does not exist"));

        assertThat(error.getMessage()).isEqualTo("Post p-1 does not exist");
        assertThat(error.getExtensions()).isEqualTo(Map.of("code", "not-found"));
        assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(error.getPath()).isEqualTo(List.of("post"));
        assertThat(error.getLocations()).containsExactly(new SourceLocation(1, 3));
    }

    @Test
    void aReadModelBehindTellsWhenToRetry() {
        GraphQLError error = resolved(new NotCaughtUpException("Post p-1", 4));

        assertThat(error.getExtensions()).containsEntry("code", "not-caught-up").containsEntry("retryAfter", 1);
        assertThat(error.getMessage()).isEqualTo("Post p-1 has not reached version 4 yet; retry shortly");
        assertThat(error.getErrorType()).as("503 has no GraphQL classification of its own").isEqualTo(ErrorType.INTERNAL_ERROR);
    }

    @Test
    void anInvalidArgumentIsNamedInMessageAndExtensions() {
        GraphQLError error = resolved(new InvalidParameterException("first", "must be between 1 and 100"));

        assertThat(error.getMessage()).isEqualTo("first: must be between 1 and 100");
        assertThat(error.getExtensions()).containsEntry("code", "validation-failed").containsEntry("parameter", "first");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
    }

    @Test
    void refusalsOfSecurityAreUnauthorizedOrForbiddenWithoutTheirInnerWords() {
        GraphQLError unauthenticated = resolved(new BadCredentialsException("JWT signature does not match"));
        assertThat(unauthenticated.getExtensions()).containsEntry("code", "unauthorized");
        assertThat(unauthenticated.getMessage()).isEqualTo("A valid token is needed");
        assertThat(unauthenticated.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);

        GraphQLError denied = resolved(new AccessDeniedException("Only admins"));
        assertThat(denied.getExtensions()).containsEntry("code", "forbidden");
        assertThat(denied.getMessage()).isEqualTo("Only admins");
        assertThat(denied.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
    }

    @Test
    void looksInsideAnAsynchronousResolversCompletionException() {
        GraphQLError error = resolved(new CompletionException(new NotFoundException("User u-1 does not exist")));

        assertThat(error.getExtensions()).containsEntry("code", "not-found");
        assertThat(error.getMessage()).isEqualTo("User u-1 does not exist");
    }

    @Test
    void leavesWhatItDoesNotKnowToTheGenericInternalError() {
        assertThat(new GraphQlErrors().resolveToSingleError(new IllegalStateException("SQL went wrong"), env)).isNull();
        assertThat(new GraphQlErrors().resolveToSingleError(new CompletionException((Throwable) null), env)).isNull();
    }

    @Test
    void classifiesEveryProblemByItsStatus() {
        assertThat(GraphQlErrors.error(env, Problem.VALIDATION_FAILED, "m", Map.of()).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(GraphQlErrors.error(env, Problem.UNAUTHORIZED, "m", Map.of()).getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);
        assertThat(GraphQlErrors.error(env, Problem.NOT_POST_AUTHOR, "m", Map.of()).getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
        assertThat(GraphQlErrors.error(env, Problem.NOT_FOUND, "m", Map.of()).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(GraphQlErrors.error(env, Problem.SEARCH_UNAVAILABLE, "m", Map.of("retryAfter", 5)).getExtensions())
                .containsEntry("code", "search-unavailable").containsEntry("retryAfter", 5);
    }

    private GraphQLError resolved(Throwable thrown) {
        GraphQLError error = new GraphQlErrors().resolveToSingleError(thrown, env);
        assertThat(error).as("resolved").isNotNull();
        return error;
    }
}
