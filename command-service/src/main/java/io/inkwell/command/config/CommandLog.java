package io.inkwell.command.config;

import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line per command handled, at DEBUG: the command, its outcome and how long it took, with the request's
 * trace id from the log pattern, so that {@code grep <trace id>} finds a request here as it finds the projections
 * of its events in query-service. On in the local stack; elsewhere
 * {@code LOGGING_LEVEL_IO_INKWELL_COMMAND_CONFIG_COMMANDLOG=debug} turns it on.
 */
@Component
class CommandLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandLog.class);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!log.isDebugEnabled()) {
            return chain.proceed();
        }
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        long started = System.nanoTime();
        try {
            Object result = chain.proceed();
            log.debug("{} handled in {} ms", command, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return result;
        } catch (Exception e) {
            log.debug("{} refused in {} ms: {}", command, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    e.getMessage());
            throw e;
        }
    }
}
