package io.inkwell.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The HTTP caching headers of a read model answer, without a server; HttpCachingIT proves the 304s. */
class CachedAnswersTest {

    @Test
    void tagsAnAnswerWithTheVersionsItShowsInOrder() {
        assertThat(CachedAnswers.ok("body", true, 3, 1).getHeaders().getETag()).isEqualTo("\"3.1\"");
        assertThat(CachedAnswers.ok("body", true, 7).getHeaders().getETag()).isEqualTo("\"7\"");
        assertThat(CachedAnswers.ok("body", true, "1+email").getHeaders().getETag()).isEqualTo("\"1+email\"");
    }

    @Test
    void letsSharedCachesKeepAnAnonymousAnswerOnlyRevalidated() {
        ResponseEntity<String> answer = CachedAnswers.ok("body", true, 2, 1);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("body");
        assertThat(answer.getHeaders().getCacheControl()).contains("no-cache").contains("public").doesNotContain("private");
        assertThat(answer.getHeaders().getVary()).containsExactly("Authorization");
    }

    @Test
    void keepsAnAnswerForATokenToItsCaller() {
        ResponseEntity<String> answer = CachedAnswers.ok("body", false, 2, 1);

        assertThat(answer.getHeaders().getCacheControl()).contains("no-cache").contains("private").doesNotContain("public");
        assertThat(answer.getHeaders().getVary()).containsExactly("Authorization");
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"2.1\"");
    }
}
