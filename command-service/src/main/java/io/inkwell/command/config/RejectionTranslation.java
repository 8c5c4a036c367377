package io.inkwell.command.config;

import io.inkwell.command.domain.Rejection;
import io.inkwell.support.web.Problem;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details say why. Exceptions do
 * not survive the trip through Axon Server, details do; locally the web layer reads the same details.
 * (A stale expected version is found later, when the unit of work commits; the web layer maps that one.)
 */
@Component
class RejectionTranslation implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Rejection rejection) {
            throw translated(rejection);
        } catch (AggregateNotFoundException e) {
            throw translated(notFound(String.valueOf(e.getAggregateIdentifier())));
        } catch (IncompatibleAggregateException e) {
            // The id names an aggregate of another type (a post's id in a path of /users): replaying its
            // events never sets this aggregate's id. For the caller that is simply nothing of this kind.
            throw translated(new Rejection(Problem.NOT_FOUND.code(), "Nothing of this kind exists with this id"));
        }
    }

    private static Rejection notFound(String id) {
        return new Rejection(Problem.NOT_FOUND.code(), "Nothing with id " + id + " exists");
    }

    private static CommandExecutionException translated(Rejection rejection) {
        return new CommandExecutionException(rejection.getMessage(), rejection, rejection.details());
    }
}
