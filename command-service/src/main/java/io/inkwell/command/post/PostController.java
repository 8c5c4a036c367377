package io.inkwell.command.post;

import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    private final PostWrites posts;

    PostController(PostWrites posts) {
        this.posts = posts;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<?> create(@Valid @RequestBody CreatePostRequest request,
                             @RequestHeader(name = IdempotentCreation.HEADER, required = false) String key) {
        return posts.create(request, key);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<WriteResult> edit(@PathVariable String id, @Valid @RequestBody EditPostRequest request,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(posts.edit(id, request, Versions.expectedSequence(ifMatch)));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<WriteResult> publish(@PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(posts.publish(id, Versions.expectedSequence(ifMatch)));
    }

    @PostMapping("/{id}/unpublish")
    ResponseEntity<WriteResult> unpublish(@PathVariable String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(posts.unpublish(id, Versions.expectedSequence(ifMatch)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        WriteResult deleted = posts.delete(id, Versions.expectedSequence(ifMatch));
        return ResponseEntity.noContent().eTag(Versions.etag(deleted.version())).build();
    }

    private static ResponseEntity<WriteResult> written(WriteResult result) {
        return ResponseEntity.ok().eTag(Versions.etag(result.version())).body(result);
    }
}
