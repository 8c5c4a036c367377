package io.inkwell.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A line per command when its logger is at DEBUG, none otherwise; the command's result or failure passes through. */
class CommandLogTest {

    record PublishPost(String id) {
    }

    private final Logger logger = (Logger) LoggerFactory.getLogger(CommandLog.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final CommandLog commandLog = new CommandLog();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    @Test
    void aHandledCommandIsOneDebugLineNamingIt() throws Exception {
        logger.setLevel(Level.DEBUG);
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new PublishPost("p")));

        Object result = commandLog.handle(unitOfWork, () -> 3L);

        assertThat(result).isEqualTo(3L);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(line.getFormattedMessage()).matches("PublishPost handled in \\d+ ms");
        });
        unitOfWork.rollback();
    }

    @Test
    void aRefusedCommandIsLoggedWithItsReasonAndStillFails() {
        logger.setLevel(Level.DEBUG);
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new PublishPost("p")));
        IllegalStateException deleted = new IllegalStateException("post p is deleted");

        assertThatThrownBy(() -> commandLog.handle(unitOfWork, () -> {
            throw deleted;
        })).isSameAs(deleted);

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .matches("PublishPost refused in \\d+ ms: post p is deleted");
        unitOfWork.rollback();
    }

    @Test
    void nothingIsLoggedAboveDebug() throws Exception {
        logger.setLevel(Level.INFO);
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new PublishPost("p")));

        assertThat(commandLog.handle(unitOfWork, () -> "done")).isEqualTo("done");

        assertThat(lines.list).isEmpty();
        unitOfWork.rollback();
    }
}
