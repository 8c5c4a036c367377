package io.inkwell.command.post;

import io.inkwell.api.Actor;
import io.inkwell.command.security.CurrentCaller;
import io.inkwell.command.web.GraphQlInputs;
import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** The post mutations of {@code commands.graphqls}: the REST API's commands, rules and answers. */
@Controller
class PostGraphQlController {

    private final PostWrites posts;
    private final CurrentCaller callers;
    private final IdempotentCreation idempotency;
    private final GraphQlInputs inputs;

    PostGraphQlController(PostWrites posts, CurrentCaller callers, IdempotentCreation idempotency, GraphQlInputs inputs) {
        this.posts = posts;
        this.callers = callers;
        this.idempotency = idempotency;
        this.inputs = inputs;
    }

    @MutationMapping
    PostWrites.CreatedPost createPost(@Argument CreatePostRequest input, @Argument String idempotencyKey) {
        // REST's SecurityConfig asks for the role before anything else; so does this.
        if (!callers.get().roles().contains(Actor.ROLE_USER)) {
            throw new AccessDeniedException("Writing posts needs the role 'user'");
        }
        return idempotency.body(posts.create(inputs.valid(input), idempotencyKey), PostWrites.CreatedPost.class);
    }

    @MutationMapping
    WriteResult editPost(@Argument String id, @Argument EditPostRequest input, @Argument Integer expectedVersion) {
        return posts.edit(id, inputs.valid(input), Versions.expectedSequence(expectedVersion));
    }

    @MutationMapping
    WriteResult publishPost(@Argument String id) {
        return posts.publish(id, null);
    }

    @MutationMapping
    WriteResult unpublishPost(@Argument String id) {
        return posts.unpublish(id, null);
    }

    @MutationMapping
    WriteResult deletePost(@Argument String id) {
        return posts.delete(id, null);
    }
}
