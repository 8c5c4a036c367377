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
import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writing posts, the same for the REST and the GraphQL API: the same commands from the same caller, so the
 * same rules and the same answers. An idempotency key belongs to its caller whichever API sent it: a create
 * retried through the other API replays the first answer.
 */
@Component
class PostWrites {

    private static final String CREATE = "POST /api/v1/posts";

    private final CommandGateway commands;
    private final CurrentCaller callers;
    private final IdempotentCreation idempotency;

    PostWrites(CommandGateway commands, CurrentCaller callers, IdempotentCreation idempotency) {
        this.commands = commands;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    /** The answer to creating a post also says which slug it got. */
    record CreatedPost(String id, long version, String slug) {
    }

    /** The HTTP answer, as REST sends it and as the idempotency store keeps it for replays. */
    ResponseEntity<?> create(CreatePostRequest request, String idempotencyKey) {
        Caller caller = callers.get();
        return idempotency.create(caller.key(), idempotencyKey, CREATE, request, () -> {
            String postId = UUID.randomUUID().toString();
            String slug = commands.sendAndWait(new CreatePostCommand(postId, request.title(), request.content(),
                    request.tags(), request.slug(), caller.actor()));
            return ResponseEntity.created(URI.create("/api/v1/posts/" + postId))
                    .eTag(Versions.etag(Versions.CREATED))
                    .body(new CreatedPost(postId, Versions.CREATED, slug));
        });
    }

    WriteResult edit(String id, EditPostRequest request, Long expectedSequence) {
        return write(id, expectedSequence, (expected, actor) ->
                new EditPostCommand(id, request.title(), request.content(), request.tags(), expected, actor));
    }

    WriteResult publish(String id, Long expectedSequence) {
        return write(id, expectedSequence, (expected, actor) -> new PublishPostCommand(id, expected, actor));
    }

    WriteResult unpublish(String id, Long expectedSequence) {
        return write(id, expectedSequence, (expected, actor) -> new UnpublishPostCommand(id, expected, actor));
    }

    WriteResult delete(String id, Long expectedSequence) {
        return write(id, expectedSequence, (expected, actor) -> new DeletePostCommand(id, expected, actor));
    }

    private WriteResult write(String id, Long expectedSequence, BiFunction<Long, Actor, Object> command) {
        Object sequence = commands.sendAndWait(command.apply(expectedSequence, callers.get().actor()));
        return new WriteResult(id, Versions.fromSequence(sequence));
    }
}
