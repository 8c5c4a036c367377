package io.inkwell.api.post;

import io.inkwell.api.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Write a new draft; without a slug, one is derived from the title. */
public record CreatePostCommand(@TargetAggregateIdentifier String postId, String title, String content,
                                List<String> tags, String slug, Actor actor) {
}
