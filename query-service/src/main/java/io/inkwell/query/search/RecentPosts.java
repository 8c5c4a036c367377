package io.inkwell.query.search;

import io.inkwell.query.post.PostState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The posts one writer has most recently written to its index, so that the next event of a post folds
 * without a read: a post's events come close together, in a rebuild above all. An entry is only a hint: it
 * is used for an event that comes right after it (or before it: a replay, which changes nothing), and any
 * other event reads the index. It holds the most recent posts only, to bound its memory.
 */
final class RecentPosts {

    private final Map<String, PostState> posts;

    RecentPosts(int capacity) {
        posts = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PostState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The post as written, if that is what the event with this sequence number follows or replays. */
    synchronized PostState before(String postId, long sequence) {
        PostState post = posts.get(postId);
        return post != null && post.version() >= sequence ? post : null;
    }

    synchronized void written(PostState post) {
        posts.put(post.id(), post);
    }

    synchronized void forget(String postId) {
        posts.remove(postId);
    }
}
