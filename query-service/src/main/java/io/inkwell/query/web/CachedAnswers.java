package io.inkwell.query.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * HTTP caching of read model answers. The strong ETag names the versions the answer shows, so a request whose
 * {@code If-None-Match} names it gets 304 without a body (Spring MVC compares them for a {@code ResponseEntity}).
 * Every answer must be revalidated before it is reused ({@code no-cache}), so an edit shows at once. An
 * anonymous answer may be kept by shared caches ({@code public}); one for a token is the caller's alone
 * ({@code private}). Drafts and emails depend on who asks, hence {@code Vary: Authorization} on both.
 */
public final class CachedAnswers {

    private CachedAnswers() {
    }

    /**
     * @param versions what the answer shows, each by its version: the ETag changes whenever one does
     */
    public static <T> ResponseEntity<T> ok(T body, boolean anonymous, Object... versions) {
        CacheControl control = anonymous ? CacheControl.noCache().cachePublic() : CacheControl.noCache().cachePrivate();
        return ResponseEntity.ok().eTag(etag(versions)).cacheControl(control).varyBy(HttpHeaders.AUTHORIZATION)
                .body(body);
    }

    static String etag(Object... versions) {
        StringBuilder tag = new StringBuilder("\"");
        for (int i = 0; i < versions.length; i++) {
            tag.append(i == 0 ? "" : ".").append(versions[i]);
        }
        return tag.append('"').toString();
    }
}
