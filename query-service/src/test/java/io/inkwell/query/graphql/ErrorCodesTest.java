package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

    @Test
    void anUnexpectedFailureBecomesAnInternalErrorThatSaysNothingOfTheServer() {
        GraphQLError failure = GraphqlErrorBuilder.newError()
                .message("org.postgresql.util.PSQLException: ERROR: relation \"query.posts\" does not exist at io.inkwell.X")
                .errorType(org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR).build();
        GraphQLError coded = ErrorCodes.coded(failure);
        assertThat(coded.getExtensions()).containsEntry("code", "internal-error");
        assertThat(coded.getMessage()).doesNotContain("PSQL", "query.posts", "io.inkwell", "Exception");
    }

    @Test
    void documentsThatDoNotParseAreMalformedAndThoseThatDoNotFitTheSchemaInvalid() {
        assertThat(ErrorCodes.coded(GraphqlErrorBuilder.newError().message("x").errorType(ErrorType.InvalidSyntax).build())
                .getExtensions()).containsEntry("code", "malformed-request");
        assertThat(ErrorCodes.coded(GraphqlErrorBuilder.newError().message("x").errorType(ErrorType.ValidationError).build())
                .getExtensions()).containsEntry("code", "validation-failed");
    }

    @Test
    void keepsWhatTheErrorAlreadySaid() {
        GraphQLError denied = GraphqlErrorBuilder.newError().message("Forbidden")
                .errorType(org.springframework.graphql.execution.ErrorType.FORBIDDEN).extensions(Map.of("extra", 1)).build();
        GraphQLError coded = ErrorCodes.coded(denied);
        assertThat(coded.getExtensions()).containsEntry("code", "forbidden").containsEntry("extra", 1);
        assertThat(coded.getMessage()).isEqualTo("Forbidden");
    }
}
