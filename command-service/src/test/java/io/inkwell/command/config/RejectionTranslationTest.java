package io.inkwell.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inkwell.command.domain.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/** A refused command leaves the handler as a failure whose details carry the rule's code, across any boundary. */
class RejectionTranslationTest {

    private final RejectionTranslation translation = new RejectionTranslation();

    @Test
    void passesTheHandlersResultOn() throws Exception {
        assertThat(translation.handle(null, () -> 7L)).isEqualTo(7L);
    }

    @Test
    void carriesARejectionsCodeAndMessageInTheDetails() {
        Rejection.Details details = details(() -> {
            throw new Rejection("slug-taken", "The slug hello is taken");
        });

        assertThat(details).isEqualTo(new Rejection.Details("slug-taken", "The slug hello is taken"));
    }

    @Test
    void answersAnUnknownIdAsNotFoundNamingIt() {
        assertThat(details(() -> {
            throw new AggregateNotFoundException("post-9", "no events");
        })).isEqualTo(new Rejection.Details("not-found", "Nothing with id post-9 exists"));
    }

    @Test
    void answersTheIdOfAnotherKindOfThingAsNotFound() {
        assertThat(details(() -> {
            throw new IncompatibleAggregateException("a post's events replayed as a user");
        })).isEqualTo(new Rejection.Details("not-found", "Nothing of this kind exists with this id"));
    }

    @Test
    void leavesOtherFailuresAsTheyAre() {
        IllegalStateException failure = new IllegalStateException("database gone");

        assertThat(catchThrowable(() -> translation.handle(null, () -> {
            throw failure;
        }))).isSameAs(failure);
    }

    private Rejection.Details details(InterceptorChain chain) {
        Throwable thrown = catchThrowable(() -> translation.handle(null, chain));
        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        return ((CommandExecutionException) thrown).getDetails().map(Rejection.Details.class::cast).orElseThrow();
    }
}
