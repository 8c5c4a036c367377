package io.inkwell.query.post;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PostViews extends JpaRepository<PostView, String>, JpaSpecificationExecutor<PostView> {


    @Query("select p.id from PostView p where p.slug = :slug")
    Optional<String> findIdBySlug(@Param("slug") String slug);

    /** Tags with the number of published posts that carry them, most used first. */
    @Query(value = """
            select t as name, count(p) as count from PostView p join p.tags t
            where p.status = io.inkwell.query.post.PostView.Status.PUBLISHED
            group by t order by count(p) desc, t""",
            countQuery = """
            select count(distinct t) from PostView p join p.tags t
            where p.status = io.inkwell.query.post.PostView.Status.PUBLISHED""")
    Page<TagCount> countPublishedByTag(Pageable page);

    interface TagCount {
        String getName();

        long getCount();
    }
}
