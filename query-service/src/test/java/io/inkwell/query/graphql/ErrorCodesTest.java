package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

class ErrorCodesTest {

    private static final org.springframework.graphql.execution.ErrorType SPRING_INTERNAL =
            org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR;

    @Test
    void anUnexpectedFailureBecomesAnInternalErrorThatSaysNothingOfTheServer() {
        GraphQLError failure = GraphqlErrorBuilder.newError()
                .message("org.postgresql.util.PSQLException: ERROR: relation \"query.posts\" does not exist at io.inkwell.X")
                .errorType(SPRING_INTERNAL).build();
        GraphQLError coded = ErrorCodes.coded(failure);
        assertThat(coded.getExtensions()).containsEntry("code", "internal-error");
        assertThat(coded.getMessage()).doesNotContain("PSQL", "query.posts", "io.inkwell", "Exception");
    }

    @Test
    void documentsThatDoNotParseAreMalformedAndThoseThatDoNotFitTheSchemaInvalid() {
        assertThat(codeOf(ErrorType.InvalidSyntax)).isEqualTo("malformed-request");
        assertThat(codeOf(ErrorType.OperationNotSupported)).isEqualTo("malformed-request");
        assertThat(codeOf(ErrorType.ValidationError)).isEqualTo("validation-failed");
    }

    @Test
    void springsClassificationsTakeTheCodesOfTheMatchingRestProblems() {
        assertThat(codeOf(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)).isEqualTo("validation-failed");
        assertThat(codeOf(org.springframework.graphql.execution.ErrorType.UNAUTHORIZED)).isEqualTo("unauthorized");
        assertThat(codeOf(org.springframework.graphql.execution.ErrorType.FORBIDDEN)).isEqualTo("forbidden");
        assertThat(codeOf(org.springframework.graphql.execution.ErrorType.NOT_FOUND)).isEqualTo("not-found");
        assertThat(codeOf(ErrorType.DataFetchingException)).isEqualTo("internal-error");
    }

    @Test
    void keepsWhatTheErrorAlreadySaid() {
        GraphQLError denied = GraphqlErrorBuilder.newError().message("Forbidden")
                .errorType(org.springframework.graphql.execution.ErrorType.FORBIDDEN).extensions(Map.of("extra", 1))
                .location(new SourceLocation(2, 5)).path(ResultPath.parse("/post/title")).build();
        GraphQLError coded = ErrorCodes.coded(denied);
        assertThat(coded.getExtensions()).containsEntry("code", "forbidden").containsEntry("extra", 1);
        assertThat(coded.getMessage()).isEqualTo("Forbidden");
        assertThat(coded.getLocations()).isEqualTo(denied.getLocations());
        assertThat(coded.getPath()).isEqualTo(List.of("post", "title"));
        assertThat(coded.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.FORBIDDEN);
    }

    @Test
    void leavesAResponseWhoseErrorsAllHaveACodeAsItIs() {
        WebGraphQlResponse response = response(Map.of("post", "p-1"), List.of(GraphqlErrorBuilder.newError().message("gone")
                .errorType(org.springframework.graphql.execution.ErrorType.NOT_FOUND)
                .extensions(Map.of("code", "not-found")).build()));

        assertThat(intercepted(response)).isSameAs(response);
        WebGraphQlResponse noErrors = response(Map.of("post", "p-1"), List.of());
        assertThat(intercepted(noErrors)).isSameAs(noErrors);
    }

    @Test
    void codesTheErrorsThatLackOneAndKeepsTheRestAndTheData() {
        GraphQLError ours = GraphqlErrorBuilder.newError().message("Post p-2 does not exist")
                .errorType(org.springframework.graphql.execution.ErrorType.NOT_FOUND)
                .extensions(Map.of("code", "not-found")).build();
        GraphQLError unparsable = GraphqlErrorBuilder.newError().message("Invalid syntax at line 1")
                .errorType(ErrorType.InvalidSyntax).build();
        GraphQLError codeNotText = GraphqlErrorBuilder.newError().message("odd").errorType(SPRING_INTERNAL)
                .extensions(Map.of("code", 500)).build();

        WebGraphQlResponse answer = intercepted(response(Map.of("post", "p-1"), List.of(ours, unparsable, codeNotText)));

        List<GraphQLError> errors = answer.getExecutionResult().getErrors();
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).isSameAs(ours);
        assertThat(errors.get(1).getExtensions()).containsEntry("code", "malformed-request");
        assertThat(errors.get(1).getMessage()).isEqualTo("Invalid syntax at line 1");
        assertThat(errors.get(2).getExtensions()).containsEntry("code", "internal-error");
        assertThat(errors.get(2).getMessage()).isNotEqualTo("odd");
        assertThat(answer.<Map<String, Object>>getData()).isEqualTo(Map.of("post", "p-1"));
    }

    private static String codeOf(ErrorClassification type) {
        return (String) ErrorCodes.coded(GraphqlErrorBuilder.newError().message("x").errorType(type).build())
                .getExtensions().get("code");
    }

    private static WebGraphQlResponse response(Object data, List<GraphQLError> errors) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(ExecutionInput.newExecutionInput("{ post }").build(),
                ExecutionResult.newExecutionResult().data(data).errors(errors).build()));
    }

    private static WebGraphQlResponse intercepted(WebGraphQlResponse response) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.<String, Object>of("query", "{ post }"), "1", Locale.ROOT);
        return new ErrorCodes().intercept(request, sent -> Mono.just(response)).block();
    }
}
