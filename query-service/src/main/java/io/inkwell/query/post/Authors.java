package io.inkwell.query.post;

import io.inkwell.query.user.UserView;
import io.inkwell.query.user.UserViews;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Joins authors' names onto posts at read time, one query per page. */
@Component
public class Authors {

    private final UserViews users;

    Authors(UserViews users) {
        this.users = users;
    }

    /** Names by user id; deleted users have no name any more. */
    public Map<String, String> namesOf(Collection<String> userIds) {
        return users.findAllById(userIds.stream().distinct().toList()).stream()
                .filter(user -> user.getName() != null)
                .collect(Collectors.toMap(UserView::getId, UserView::getName));
    }

    public PostResponse.Author author(String id, Map<String, String> names) {
        return new PostResponse.Author(id, names.get(id));
    }

    public Function<PostView, PostResponse> responses(Collection<PostView> posts) {
        Map<String, String> names = namesOf(posts.stream().map(PostView::getAuthorId).toList());
        return post -> new PostResponse(post.getId(), post.getSlug(), post.getTitle(), post.getContent(),
                post.getTags(), post.getStatus().name().toLowerCase(), author(post.getAuthorId(), names),
                post.getVersion(), post.getCreatedAt(), post.getUpdatedAt(), post.getPublishedAt());
    }
}
