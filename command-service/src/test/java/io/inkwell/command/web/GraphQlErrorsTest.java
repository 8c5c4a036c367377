package io.inkwell.command.web;

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
import io.inkwell.command.domain.Rejection;
import io.inkwell.support.web.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

/**
 * A failed mutation answers the problem code REST answers in the same case, in {@code extensions.code}, at the
 * mutation's path and location; what nobody foresaw answers {@code internal-error} and nothing of its insides.
 */
class GraphQlErrorsTest {

    private static final String INTERNAL_ERROR_MESSAGE =
            "Something went wrong on our side; nothing was changed. Retrying later may help.";
    private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private final GraphQlErrors errors = new GraphQlErrors();

    @Test
    void answersARejectionWithItsCodeAndMessageAtTheMutationsPathAndLocation() {
        GraphQLError error = resolve(new Rejection("email-taken", "alice@inkwell.test is taken"), Map.of());

        assertCoded(error, Problem.EMAIL_TAKEN, "alice@inkwell.test is taken");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(error.getPath()).containsExactly("updateUser");
        assertThat(error.getLocations()).containsExactly(new SourceLocation(2, 3));
    }

    @Test
    void readsTheRejectionFromTheDetailsOfAFailedCommand() {
        Rejection rejection = new Rejection("not-post-author", "Only the author or a moderator may change this post");

        GraphQLError error = resolve(new CommandExecutionException("refused", rejection, rejection.details()), Map.of());

        assertCoded(error, Problem.NOT_POST_AUTHOR, "Only the author or a moderator may change this post");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
    }

    @Test
    void blamesItselfForACommandThatFailedWithoutARuleOrWithACodeMissingFromTheCatalogue() {
        CommandExecutionException withoutRule =
                new CommandExecutionException("boom", new IllegalStateException("duplicate key in posts_pkey"), null);

        assertCoded(resolve(withoutRule, Map.of()), Problem.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE);
        assertCoded(resolve(new Rejection("no-such-code", "x"), Map.of()), Problem.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE);
        assertThat(resolve(withoutRule, Map.of()).getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
    }

    @Test
    void namesBothVersionsAsClientsCountThemWhenExpectedVersionIsStale() {
        GraphQLError error = resolve(new ConflictingAggregateVersionException("post-1", 0, 1), Map.of("expectedVersion", 1));

        assertCoded(error, Problem.VERSION_MISMATCH, "expectedVersion is 1 but the current version is 2");
    }

    @Test
    void answersARaceLostToAnotherNodeAsAFailedPreconditionOnlyWhenTheCallerNamedAVersion() {
        ConcurrencyException race = new ConcurrencyException("sequence number taken");

        assertCoded(resolve(race, Map.of("expectedVersion", 3)), Problem.VERSION_MISMATCH,
                "Someone else changed this first; fetch it again and retry");
        assertCoded(resolve(race, Map.of("id", "post-1")), Problem.CONCURRENT_MODIFICATION,
                "Someone else changed this at the same moment; fetch it again and retry");
    }

    @Test
    void answersAnImpossibleExpectedVersionAsAFailedPrecondition() {
        Versions.PreconditionFailedException impossible = null;
        try {
            Versions.expectedSequence(0);
        } catch (Versions.PreconditionFailedException e) {
            impossible = e;
        }

        assertCoded(resolve(impossible, Map.of("expectedVersion", 0)), Problem.VERSION_MISMATCH,
                "expectedVersion must be a version that a write answered (1 or more)");
    }

    @Test
    void answersAKeyProblemWithTheProblemItNames() {
        GraphQLError error = resolve(new IdempotentCreation.IdempotencyKeyException(Problem.IDEMPOTENCY_KEY_REUSED,
                "This idempotencyKey was already used with a different request"), Map.of());

        assertCoded(error, Problem.IDEMPOTENCY_KEY_REUSED, "This idempotencyKey was already used with a different request");
    }

    @Test
    void listsInvalidFieldsByNameAsRestDoes() {
        Throwable invalid = catchInvalid(new Draft("  ", Arrays.asList("java", " ")));

        GraphQLError error = resolve(invalid, Map.of());

        assertThat(error.getMessage()).isEqualTo("The input has invalid fields");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        // Sorted by field, and a list element is named by its index only, as REST's problem names it.
        assertThat(error.getExtensions()).containsEntry("code", "validation-failed").containsEntry("errors", List.of(
                Map.of("field", "tags[1]", "message", "must not be blank"),
                Map.of("field", "title", "message", "must not be blank")));
    }

    @Test
    void listsInvalidFieldsInTheOrderOfTheirNamesWhateverOrderTheValidatorFoundThemIn() {
        ConstraintViolationException invalid = (ConstraintViolationException) catchInvalid(new Draft(" ", List.of(" ", "")));
        List<ConstraintViolation<?>> descending = new ArrayList<>(invalid.getConstraintViolations());
        descending.sort(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()).reversed());

        GraphQLError error = resolve(new ConstraintViolationException(new LinkedHashSet<>(descending)), Map.of());

        assertThat(error.getExtensions().get("errors")).isEqualTo(List.of(
                Map.of("field", "tags[0]", "message", "must not be blank"),
                Map.of("field", "tags[1]", "message", "must not be blank"),
                Map.of("field", "title", "message", "must not be blank")));
    }

    @Test
    void answersRefusedAndMissingCredentialsAsForbiddenAndUnauthorized() {
        GraphQLError forbidden = resolve(new AccessDeniedException("Only an admin may do this"), Map.of());
        GraphQLError unauthorized = resolve(new InsufficientAuthenticationException("Full authentication is required"), Map.of());

        assertCoded(forbidden, Problem.FORBIDDEN, "Only an admin may do this");
        assertThat(forbidden.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
        assertCoded(unauthorized, Problem.UNAUTHORIZED, "Authentication needed");
        assertThat(unauthorized.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED);
    }

    @Test
    void answersAnUnreachableDatabaseAsServiceUnavailableAndSaysACreateMayBeRetried() {
        CannotGetJdbcConnectionException down =
                new CannotGetJdbcConnectionException("no connection", new SQLException("Connection refused"));

        GraphQLError error = resolve(down, Map.of());

        assertThat(error.getExtensions()).isEqualTo(Map.of("code", "service-unavailable"));
        assertThat(error.getMessage()).startsWith("The database cannot be reached just now; retry later.")
                .contains("retry a create with the same idempotencyKey").doesNotContain("Connection refused");
    }

    @Test
    void answersAnythingUnforeseenWithoutAClassNameSqlOrStackTrace() {
        IllegalStateException unforeseen = new IllegalStateException(
                "ERROR: column \"sulg\" does not exist in SELECT slug FROM post_slugs WHERE slug = ?");

        GraphQLError error = resolve(unforeseen, Map.of());

        assertCoded(error, Problem.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE);
        assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(error.toSpecification().toString())
                .doesNotContain("IllegalStateException", "SELECT", "sulg", "java.", "at io.inkwell");
    }

    private GraphQLError resolve(Throwable failure, Map<String, Object> arguments) {
        List<GraphQLError> resolved = errors.resolveException(failure, environment(arguments)).block();
        assertThat(resolved).hasSize(1);
        return resolved.getFirst();
    }

    private static DataFetchingEnvironment environment(Map<String, Object> arguments) {
        Field mutation = Field.newField("updateUser").sourceLocation(new SourceLocation(2, 3)).build();
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .arguments(arguments)
                .mergedField(MergedField.newMergedField(mutation).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("updateUser")).build())
                .build();
    }

    private static void assertCoded(GraphQLError error, Problem problem, String message) {
        assertThat(error.getExtensions()).isEqualTo(Map.of("code", problem.code()));
        assertThat(error.getMessage()).isEqualTo(message);
    }

    private static Throwable catchInvalid(Object input) {
        try {
            new GraphQlInputs(validator).valid(input);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected " + input + " to be invalid");
    }

    /** A mutation input with the same kinds of constraints as the REST request records. */
    record Draft(@NotBlank String title, List<@NotBlank String> tags) {
    }
}
