package io.inkwell.command.user;

import io.inkwell.api.user.DeleteUserCommand;
import io.inkwell.api.user.RegisterUserCommand;
import io.inkwell.api.user.UpdateUserCommand;
import io.inkwell.command.security.Caller;
import io.inkwell.command.security.CurrentCaller;
import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Changing profiles, the same for the REST and the GraphQL API: the same commands from the same caller. */
@Component
class UserWrites {

    private static final String REGISTER = "POST /api/v1/users";

    private final CommandGateway commands;
    private final CurrentCaller callers;
    private final IdempotentCreation idempotency;

    UserWrites(CommandGateway commands, CurrentCaller callers, IdempotentCreation idempotency) {
        this.commands = commands;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    /** Registers the calling identity's profile; the HTTP answer, as REST sends it and replays it. */
    ResponseEntity<?> register(RegisterUserRequest request, String idempotencyKey) {
        Caller caller = callers.get();
        return idempotency.create(caller.key(), idempotencyKey, REGISTER, request, () -> {
            String userId = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterUserCommand(userId, request.name(), request.email(), caller.issuer(),
                    caller.subject()));
            return ResponseEntity.created(URI.create("/api/v1/users/" + userId))
                    .eTag(Versions.etag(Versions.CREATED))
                    .body(new WriteResult(userId, Versions.CREATED));
        });
    }

    WriteResult update(String id, UpdateUserRequest request, Long expectedSequence) {
        return new WriteResult(id, Versions.fromSequence(commands.sendAndWait(new UpdateUserCommand(id, request.name(),
                request.email(), expectedSequence, callers.get().actor()))));
    }

    WriteResult delete(String id, Long expectedSequence) {
        return new WriteResult(id, Versions.fromSequence(commands.sendAndWait(
                new DeleteUserCommand(id, expectedSequence, callers.get().actor()))));
    }
}
