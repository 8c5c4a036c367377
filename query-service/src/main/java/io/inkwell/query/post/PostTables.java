package io.inkwell.query.post;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import io.inkwell.query.readmodel.GenerationTables;

/** The tables one instance of the posts read model writes: the live ones, or a generation's beside them. */
record PostTables(String posts, String tags, String postTags) {

    static final PostTables LIVE = new PostTables("query.posts", "query.tags", "query.post_tags");

    static PostTables of(Generation generation) {
        String suffix = GenerationTables.suffix(generation);
        return new PostTables(LIVE.posts + suffix, LIVE.tags + suffix, LIVE.postTags + suffix);
    }
}
