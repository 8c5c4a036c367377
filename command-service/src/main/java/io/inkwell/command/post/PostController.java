package io.inkwell.command.post;

import io.inkwell.api.Actor;
import io.inkwell.api.post.CreatePostCommand;
import io.inkwell.api.post.DeletePostCommand;
import io.inkwell.api.post.EditPostCommand;
import io.inkwell.api.post.PublishPostCommand;
import io.inkwell.api.post.UnpublishPostCommand;
import io.inkwell.command.security.Caller;
import io.inkwell.command.security.CurrentCaller;
import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;
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
@Tag(name = "Posts", description = "Write, edit, publish, unpublish and delete posts")
@RequestMapping(path = "/api/v1/posts", produces = MediaType.APPLICATION_JSON_VALUE)
class PostController {

    private final CommandGateway commands;
    private final CurrentCaller callers;
    private final IdempotentCreation idempotency;

    PostController(CommandGateway commands, CurrentCaller callers, IdempotentCreation idempotency) {
        this.commands = commands;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    /** The answer to creating a post also says which slug it got. */
    record CreatedPost(String id, long version, String slug) {
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<?> create(@Valid @RequestBody CreatePostRequest request,
                             @RequestHeader(name = IdempotentCreation.HEADER, required = false) String key) {
        Caller caller = callers.get();
        return idempotency.create(caller.key(), key, "POST /api/v1/posts", request, () -> {
            String postId = UUID.randomUUID().toString();
            String slug = commands.sendAndWait(new CreatePostCommand(postId, request.title(), request.content(),
                    request.tags(), request.slug(), caller.actor()));
            return ResponseEntity.created(URI.create("/api/v1/posts/" + postId))
                    .eTag(Versions.etag(Versions.CREATED))
                    .body(new CreatedPost(postId, Versions.CREATED, slug));
        });
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<WriteResult> edit(@PathVariable String id, @Valid @RequestBody EditPostRequest request,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return write(id, ifMatch, (expected, actor) ->
                new EditPostCommand(id, request.title(), request.content(), request.tags(), expected, actor));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<WriteResult> publish(@PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return write(id, ifMatch, (expected, actor) -> new PublishPostCommand(id, expected, actor));
    }

    @PostMapping("/{id}/unpublish")
    ResponseEntity<WriteResult> unpublish(@PathVariable String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return write(id, ifMatch, (expected, actor) -> new UnpublishPostCommand(id, expected, actor));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ResponseEntity<WriteResult> written = write(id, ifMatch, (expected, actor) -> new DeletePostCommand(id, expected, actor));
        return ResponseEntity.noContent().headers(written.getHeaders()).build();
    }

    private ResponseEntity<WriteResult> write(String id, String ifMatch, BiFunction<Long, Actor, Object> command) {
        Object sequence = commands.sendAndWait(command.apply(Versions.expectedSequence(ifMatch), callers.get().actor()));
        long version = Versions.fromSequence(sequence);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new WriteResult(id, version));
    }
}
