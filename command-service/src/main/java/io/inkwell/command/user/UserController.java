package io.inkwell.command.user;

import io.inkwell.api.user.DeleteUserCommand;
import io.inkwell.api.user.RegisterUserCommand;
import io.inkwell.api.user.UpdateUserCommand;
import io.inkwell.command.security.Caller;
import io.inkwell.command.security.CurrentCaller;
import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "Register, change and delete profiles")
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    private final CommandGateway commands;
    private final CurrentCaller callers;
    private final IdempotentCreation idempotency;

    UserController(CommandGateway commands, CurrentCaller callers, IdempotentCreation idempotency) {
        this.commands = commands;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    /** Registers the calling identity's profile. */
    @PostMapping(consumes = "application/json")
    ResponseEntity<?> register(@Valid @RequestBody RegisterUserRequest request,
                               @RequestHeader(name = IdempotentCreation.HEADER, required = false) String key) {
        Caller caller = callers.get();
        return idempotency.create(caller.key(), key, "POST /api/v1/users", request, () -> {
            String userId = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterUserCommand(userId, request.name(), request.email(), caller.issuer(),
                    caller.subject()));
            return ResponseEntity.created(URI.create("/api/v1/users/" + userId))
                    .eTag(Versions.etag(Versions.CREATED))
                    .body(new WriteResult(userId, Versions.CREATED));
        });
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<WriteResult> update(@PathVariable String id, @Valid @RequestBody UpdateUserRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = Versions.fromSequence(commands.sendAndWait(new UpdateUserCommand(id, request.name(),
                request.email(), Versions.expectedSequence(ifMatch), callers.get().actor())));
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new WriteResult(id, version));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = Versions.fromSequence(commands.sendAndWait(
                new DeleteUserCommand(id, Versions.expectedSequence(ifMatch), callers.get().actor())));
        return ResponseEntity.noContent().eTag(Versions.etag(version)).build();
    }
}
